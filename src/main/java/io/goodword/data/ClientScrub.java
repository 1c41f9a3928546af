package io.goodword.data;

import io.goodword.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.goodword.client.Client;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic part of erasing one client: their name, email and phone are removed from the free-text columns of the
 * rows that belong to them, and from nothing else. A row belongs to the client when it names them (a
 * {@code client_id}/{@code *_client_id} or email column) or hangs, through foreign keys, off a row that does (a
 * milestone of their project, a version of their case study, the events of a lead they referred). Only the columns
 * listed in {@link #FREE_TEXT} are touched, so codes, statuses, hashes and other clients' rows never change; the name
 * is matched as a whole word; JSON is scrubbed value by value so it stays valid.
 */
final class ClientScrub {
    static final String ERASED = "[erased]";
    /** Free-text columns that may hold a client's name, email or phone, by table. A new table adds its own here. */
    static final Map<String, Set<String>> FREE_TEXT = Map.ofEntries(
            Map.entry("clients", Set.of("name", "company", "notes")),
            Map.entry("projects", Set.of("title")),
            Map.entry("milestones", Set.of("name")),
            Map.entry("asks", Set.of("comment", "feedback")),
            Map.entry("client_tasks", Set.of("body")),
            Map.entry("testimonials", Set.of("body", "excerpt", "original_body", "reply", "name", "role", "company",
                    "website", "email", "source_url", "avatar_url")),
            Map.entry("testimonial_edits", Set.of("before_text", "after_text")),
            Map.entry("testimonial_consents", Set.of("given_by")),
            Map.entry("testimonial_proposals", Set.of("body")),
            Map.entry("case_studies", Set.of("title")),
            Map.entry("case_study_versions", Set.of("content")),
            Map.entry("case_study_approvals", Set.of("sent_to", "comment")),
            Map.entry("referral_leads", Set.of("name", "email", "phone", "message", "lost_reason", "referrer_answer")),
            Map.entry("referral_lead_events", Set.of("body")),
            Map.entry("referral_rewards", Set.of("recipient_name", "recipient_email", "description", "note")),
            Map.entry("webhook_deliveries", Set.of("payload")));
    /** Columns holding JSON: scrubbed in its string values, never in its keys. */
    static final Set<String> JSON_COLUMNS = Set.of("case_study_versions.content", "webhook_deliveries.payload");
    /**
     * Mails to the freelancer (new testimonial, new lead…) name the client but have no owner column; their text is
     * scrubbed workspace-wide, for names of at least {@link #MIN_WORKSPACE_WIDE_NAME} characters (whole words).
     */
    static final Set<String> OUTBOX_TEXT = Set.of("subject", "text_body", "html_body");
    static final int MIN_WORKSPACE_WIDE_NAME = 4;
    /** Tables whose rows are never someone's "own": the tenant itself, the freelancer's sign-in, the audit trail. */
    private static final Set<String> NOT_OWNED = Set.of("workspaces", "accounts", "audit_log", "outbox");

    private final SchemaDao schema;
    private final RowsDao rows;
    private final long ws;

    ClientScrub(SchemaDao schema, RowsDao rows, long ws) {
        this.schema = schema;
        this.rows = rows;
        this.ws = ws;
    }

    /** The ids of every row that belongs to the client, by table; read before the explicit rules unlink anything. */
    Map<String, Set<Long>> ownedRows(Client c) {
        Map<String, List<SchemaDao.Column>> tenant = schema.tenantTables();
        Map<String, Set<Long>> owned = new HashMap<>();
        owned.put("clients", new LinkedHashSet<>(List.of(c.id())));
        tenant.forEach((table, cols) -> {
            if (NOT_OWNED.contains(table) || !hasId(cols)) return;
            for (SchemaDao.Column col : cols) {
                Object key = PrivacyService.clientColumn(col.name()) ? (Object) c.id()
                        : PrivacyService.emailColumn(col.name()) ? c.email() : null;
                if (key != null) owned.computeIfAbsent(table, k -> new LinkedHashSet<>()).addAll(rows.idsWhereIn(table, ws, col.name(), List.of(key)));
            }
        });
        followForeignKeys(tenant, owned);
        return owned;
    }

    /** Rows referencing an owned row are owned too, until nothing new is found (the graph is small and acyclic enough). */
    private void followForeignKeys(Map<String, List<SchemaDao.Column>> tenant, Map<String, Set<Long>> owned) {
        List<SchemaDao.ForeignKey> fks = schema.foreignKeys();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (SchemaDao.ForeignKey fk : fks) {
                Set<Long> parents = owned.get(fk.refTable());
                if (parents == null || parents.isEmpty() || !fk.refColumn().equals("id") || NOT_OWNED.contains(fk.table())
                        || !tenant.containsKey(fk.table()) || !hasId(tenant.get(fk.table()))) continue;
                grew |= owned.computeIfAbsent(fk.table(), k -> new LinkedHashSet<>())
                        .addAll(rows.idsWhereIn(fk.table(), ws, fk.column(), parents));
            }
        }
    }

    /** Scrubs the client's name, email and phone from the owned rows and the workspace's outbox; returns rows changed. */
    int scrub(Client c, Map<String, Set<Long>> owned) {
        List<Pattern> terms = terms(c, 2);
        Map<String, List<SchemaDao.Column>> tenant = schema.tenantTables();
        int changed = 0;
        for (var e : owned.entrySet()) {
            Set<String> free = FREE_TEXT.getOrDefault(e.getKey(), Set.of());
            if (e.getValue().isEmpty() || free.isEmpty()) continue;
            for (SchemaDao.Column col : tenant.getOrDefault(e.getKey(), List.of())) {
                if (!free.contains(col.name()) || !col.isText()) continue;
                changed += JSON_COLUMNS.contains(col.table() + "." + col.name())
                        ? scrubJson(col, e.getValue(), terms) : scrubText(col, e.getValue(), terms);
            }
        }
        List<Pattern> wide = terms(c, MIN_WORKSPACE_WIDE_NAME);
        for (SchemaDao.Column col : tenant.getOrDefault("outbox", List.of())) {
            if (OUTBOX_TEXT.contains(col.name())) for (Pattern p : wide) changed += rows.scrub(col, ws, null, p.pattern(), ERASED);
        }
        return changed;
    }

    private int scrubText(SchemaDao.Column col, Set<Long> ids, List<Pattern> terms) {
        int changed = 0;
        for (Pattern p : terms) changed += rows.scrub(col, ws, ids, p.pattern(), ERASED);
        return changed;
    }

    private int scrubJson(SchemaDao.Column col, Set<Long> ids, List<Pattern> terms) {
        int changed = 0;
        for (var row : rows.texts(col, ws, ids).entrySet()) {
            try {
                JsonNode tree = Json.READ.readTree(row.getValue());
                if (!replaceIn(tree, terms)) continue;
                rows.setColumn(col.table(), schema.tenantTables().get(col.table()), ws, row.getKey(), col.name(),
                        Json.WRITE.writeValueAsString(tree));
                changed++;
            } catch (JsonProcessingException notJson) {
                changed += scrubText(col, Set.of(row.getKey()), terms); // not JSON after all: plain text rules
            }
        }
        return changed;
    }

    /** Replaces the terms in every string value of the tree; true when anything changed. */
    private static boolean replaceIn(JsonNode node, List<Pattern> terms) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (var it = o.fields(); it.hasNext(); ) {
                var f = it.next();
                if (f.getValue().isTextual()) {
                    String s = replaceAll(f.getValue().asText(), terms);
                    if (!s.equals(f.getValue().asText())) {
                        f.setValue(TextNode.valueOf(s));
                        changed = true;
                    }
                } else {
                    changed |= replaceIn(f.getValue(), terms);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    String s = replaceAll(a.get(i).asText(), terms);
                    if (!s.equals(a.get(i).asText())) {
                        a.set(i, TextNode.valueOf(s));
                        changed = true;
                    }
                } else {
                    changed |= replaceIn(a.get(i), terms);
                }
            }
        }
        return changed;
    }

    private static String replaceAll(String s, List<Pattern> terms) {
        for (Pattern p : terms) s = p.matcher(s).replaceAll(Matcher.quoteReplacement(ERASED));
        return s;
    }

    /**
     * The client's email and phone (anywhere in a value) and name (as a whole word, at least {@code minName}
     * characters), as patterns both MariaDB's PCRE2 and java.util.regex understand.
     */
    static List<Pattern> terms(Client c, int minName) {
        List<Pattern> out = new ArrayList<>();
        if (c.email() != null && !c.email().isBlank()) out.add(literal(c.email().strip(), false));
        if (c.phone() != null && c.phone().strip().length() >= 6) out.add(literal(c.phone().strip(), false));
        if (c.name() != null && c.name().strip().length() >= minName) out.add(literal(c.name().strip(), true));
        return out;
    }

    private static Pattern literal(String term, boolean wholeWord) {
        String quoted = "\\Q" + term.replace("\\E", "\\E\\\\E\\Q") + "\\E";
        String re = wholeWord ? "(?<![\\p{L}\\p{N}_])" + quoted + "(?![\\p{L}\\p{N}_])" : quoted;
        return Pattern.compile("(?i)" + re, Pattern.UNICODE_CASE);
    }

    private static boolean hasId(List<SchemaDao.Column> cols) {
        return cols.stream().anyMatch(c -> c.name().equals("id"));
    }
}
