package io.goodword.data;

import io.goodword.web.Json;
import io.goodword.audit.AuditLog;
import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.media.ImageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Privacy requests for one client: everything about them as JSON, and erasure. Both are driven by information_schema
 * (every table with a {@code client_id}/{@code *_client_id} column or an email column), so tables added by later
 * features are covered too. Erasure keeps the client row and the anonymous figures (scores, dates, project values),
 * applies explicit rules to known tables, then scrubs the name, email and phone from the free-text columns of the rows
 * that belong to the client ({@link ClientScrub}). It is recorded in the audit log without naming the person.
 */
public final class PrivacyService {
    public enum TestimonialChoice { REMOVE, ANONYMIZE }

    /** What erasure did, for the confirmation and the audit log. */
    public record Erasure(int testimonials, int scrubbedRows) {}

    private final Jdbi jdbi;
    private final ImageStore images;
    private final Clock clock;

    public PrivacyService(Jdbi jdbi, ImageStore images, Clock clock) {
        this.jdbi = jdbi;
        this.images = images;
        this.clock = clock;
    }

    static boolean clientColumn(String name) { return name.equals("client_id") || name.endsWith("_client_id"); }

    static boolean emailColumn(String name) {
        return name.equals("email") || name.endsWith("_email") || name.equals("to_address") || name.equals("sent_to");
    }

    /** Everything stored about one client, as JSON; empty when the client is not in this workspace. */
    public Optional<byte[]> export(long ws, long accountId, long clientId) {
        return jdbi.inTransaction(h -> {
            Optional<Client> client = h.attach(ClientDao.class).findById(ws, clientId);
            if (client.isEmpty()) return Optional.empty();
            SchemaDao schema = new SchemaDao(h);
            RowsDao rows = new RowsDao(h);
            Map<String, List<SchemaDao.Column>> tenant = schema.tenantTables();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exportedAt", clock.instant().toString());
            out.put("client", rows.where("clients", visible(tenant.get("clients")), ws, "id", clientId).get(0));
            Map<String, List<Map<String, Object>>> related = new LinkedHashMap<>();
            tenant.forEach((table, cols) -> {
                if (table.equals("clients") || table.equals("accounts") || table.equals("audit_log")) return;
                List<SchemaDao.Column> kept = visible(cols);
                Map<Object, Map<String, Object>> found = new LinkedHashMap<>();
                for (SchemaDao.Column c : cols) {
                    List<Map<String, Object>> hits = new ArrayList<>();
                    if (clientColumn(c.name())) hits = rows.where(table, kept, ws, c.name(), clientId);
                    else if (emailColumn(c.name()) && client.get().email() != null) {
                        hits = rows.where(table, kept, ws, c.name(), client.get().email());
                    }
                    for (Map<String, Object> r : hits) found.putIfAbsent(r.containsKey("id") ? r.get("id") : r, r);
                }
                if (!found.isEmpty()) related.put(table, new ArrayList<>(found.values()));
            });
            out.put("related", related);
            AuditLog.record(h, ws, accountId, "privacy.export", "client #" + clientId);
            return Optional.of(toJson(out));
        });
    }

    /** Erases one client's personal data; false when the client is not in this workspace. */
    public Optional<Erasure> erase(long ws, long accountId, long clientId, TestimonialChoice choice, String erasedName,
                                   String anonymousName) {
        List<String> photos = new ArrayList<>();
        Optional<Erasure> result = jdbi.inTransaction(h -> {
            Optional<Client> found = h.attach(ClientDao.class).lockById(ws, clientId);
            if (found.isEmpty()) return Optional.empty();
            Client c = found.get();
            PrivacyDao dao = h.attach(PrivacyDao.class);
            ClientScrub scrub = new ClientScrub(new SchemaDao(h), new RowsDao(h), ws);
            Map<String, Set<Long>> owned = scrub.ownedRows(c); // before the rules below unlink anonymized rows
            photos.addAll(dao.testimonialPhotos(ws, clientId, c.email()));
            dao.clearConsentPeople(ws, clientId, c.email());
            dao.deleteConfirmLinks(ws, clientId);
            int testimonials = choice == TestimonialChoice.REMOVE
                    ? dao.deleteTestimonials(ws, clientId, c.email())
                    : dao.anonymizeTestimonials(ws, clientId, c.email(), anonymousName);
            dao.clearAskWords(ws, clientId);
            dao.deleteAskLinks(ws, clientId);
            dao.deleteTasks(ws, clientId);
            // Throttle counters are not touched: none is scoped to a workspace (login and reset counters belong to
            // the installation's accounts), and they expire on their own within a day.
            if (c.email() != null) dao.deleteMails(ws, c.email());
            dao.anonymizeClient(ws, clientId, erasedName + " #" + clientId);
            // Public pages (wall, widget, feed) are cached per wall version: they must drop the erased person now.
            h.attach(io.goodword.testimonial.TestimonialDao.class).bumpWallVersion(ws);

            int scrubbed = scrub.scrub(c, owned);
            AuditLog.record(h, ws, accountId, "privacy.erase", "client #" + clientId + "; testimonials "
                    + choice.name().toLowerCase() + "d: " + testimonials + "; other rows scrubbed: " + scrubbed);
            return Optional.of(new Erasure(testimonials, scrubbed));
        });
        if (result.isPresent()) photos.forEach(images::deleteIfUnreferenced); // another row may name the same file
        return result;
    }

    private byte[] toJson(Object value) {
        try {
            return Json.PRETTY.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<SchemaDao.Column> visible(List<SchemaDao.Column> cols) {
        return cols.stream().filter(c -> !WorkspaceExport.secretColumn(c.name())).toList();
    }
}
