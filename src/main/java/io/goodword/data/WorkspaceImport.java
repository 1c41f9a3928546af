package io.goodword.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.audit.AuditLog;
import io.goodword.media.ImageStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads a {@link WorkspaceExport} ZIP into a fresh workspace (of this or another installation). Everything is driven
 * by the live schema: rows get new ids, every foreign key is remapped through information_schema's key columns
 * (cycles are closed after all rows are in), workspace_id becomes the target, accounts are not imported (the
 * importer's own account stays the only one), images are re-encoded by ImageStore and their new names replace the old.
 * One transaction: an import either lands completely or not at all.
 */
public final class WorkspaceImport {
    static final long MAX_UNCOMPRESSED = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    /** Outgoing mail is never replayed, old addresses belong to the old workspace, links' secrets were not exported. */
    static final Set<String> NOT_IMPORTED = Set.of("accounts", "outbox", "workspace_slug_history", "ask_links");
    /** Workspace columns that describe the installation's copy, not the freelancer's settings. */
    static final Set<String> WORKSPACE_KEPT = Set.of("id", "slug", "created_at", "updated_at");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why an archive was refused; the key is shown next to the file field. */
    public static final class Rejected extends Exception {
        private final String messageKey;
        private final Object[] args;

        Rejected(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() { return messageKey; }

        public Object[] args() { return args; }
    }

    /** What was imported: rows per table. */
    public record Result(Map<String, Integer> rows, int images) {
        public int total() { return rows.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private final Jdbi jdbi;
    private final ImageStore images;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public WorkspaceImport(Jdbi jdbi, ImageStore images) {
        this.jdbi = jdbi;
        this.images = images;
    }

    private record Archive(Map<String, Object> manifest, Map<String, Object> workspace,
                           Map<String, List<Map<String, Object>>> tables, Map<String, byte[]> uploads) {}

    public Result importInto(long workspaceId, long accountId, InputStream zip) throws Rejected {
        Archive archive = read(zip);
        Map<String, String> renamed = new HashMap<>();
        int stored = 0;
        for (var e : archive.uploads().entrySet()) {
            try {
                renamed.put(e.getKey(), images.store(e.getValue(), 1600, ImageStore.Fit.WITHIN));
                stored++;
            } catch (ImageStore.Rejected r) {
                // a file that is not a valid image is left out; rows pointing to it lose the reference
            }
        }
        int imagesStored = stored;
        try {
            return jdbi.inTransaction(h -> {
                SchemaDao schema = new SchemaDao(h);
                RowsDao rows = new RowsDao(h);
                Map<String, List<SchemaDao.Column>> tenant = schema.tenantTables();
                for (String table : tenant.keySet()) {
                    if (NOT_IMPORTED.contains(table) || table.equals("audit_log")) continue;
                    if (rows.count(table, workspaceId) > 0) throw new NotFresh(table);
                }
                Map<String, List<SchemaDao.Column>> allColumns = schema.columns();
                applyWorkspace(rows, allColumns.get("workspaces"), archive.workspace(), workspaceId, renamed);

                List<SchemaDao.ForeignKey> fks = schema.foreignKeys();
                List<String> order = order(tenant, fks, archive.tables().keySet());
                Map<String, Integer> position = new HashMap<>();
                for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
                Map<String, Map<Long, Long>> ids = new HashMap<>();
                record Deferred(String table, long newId, String column, String refTable, long oldRef) {}
                List<Deferred> deferred = new ArrayList<>();
                Map<String, Integer> counts = new LinkedHashMap<>();

                for (String table : order) {
                    List<SchemaDao.Column> cols = tenant.get(table);
                    Map<String, SchemaDao.Column> byName = new LinkedHashMap<>();
                    cols.forEach(c -> byName.put(c.name(), c));
                    boolean autoId = byName.containsKey("id") && byName.get("id").autoIncrement();
                    Map<String, SchemaDao.ForeignKey> tableFks = new HashMap<>();
                    fks.stream().filter(fk -> fk.table().equals(table)).forEach(fk -> tableFks.put(fk.column(), fk));
                    Map<Long, Long> tableIds = ids.computeIfAbsent(table, k -> new HashMap<>());
                    int n = 0;
                    nextRow:
                    for (Map<String, Object> row : archive.tables().get(table)) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        List<Deferred> later = new ArrayList<>();
                        for (SchemaDao.Column c : cols) {
                            String name = c.name();
                            if (name.equals("id") && autoId) continue;
                            if (name.equals("workspace_id")) {
                                values.put(name, workspaceId);
                                continue;
                            }
                            if (WorkspaceExport.secretColumn(name)) {
                                if (!c.nullable()) values.put(name, randomHash());
                                continue;
                            }
                            if (!row.containsKey(name)) continue; // the export predates this column: its default applies
                            Object v = value(c, row.get(name), renamed);
                            SchemaDao.ForeignKey fk = tableFks.get(name);
                            if (fk != null && v != null) {
                                if (fk.refTable().equals("accounts")) {
                                    v = c.nullable() ? null : accountId;
                                } else if (fk.refTable().equals("workspaces")) {
                                    v = workspaceId;
                                } else {
                                    long old = ((Number) v).longValue();
                                    Integer refPos = position.get(fk.refTable());
                                    boolean refLater = refPos == null || refPos >= position.get(table);
                                    if (refLater && refPos != null && c.nullable()) {
                                        later.add(new Deferred(table, 0, name, fk.refTable(), old));
                                        v = null;
                                    } else {
                                        Long mapped = ids.getOrDefault(fk.refTable(), Map.of()).get(old);
                                        if (mapped == null && !c.nullable()) continue nextRow; // its parent was not imported
                                        v = mapped;
                                    }
                                }
                            }
                            values.put(name, v);
                        }
                        long newId = rows.insert(table, values, autoId);
                        if (autoId && row.get("id") instanceof Number old) tableIds.put(old.longValue(), newId);
                        for (Deferred d : later) deferred.add(new Deferred(d.table(), newId, d.column(), d.refTable(), d.oldRef()));
                        n++;
                    }
                    counts.put(table, n);
                }
                for (Deferred d : deferred) {
                    Long mapped = ids.getOrDefault(d.refTable(), Map.of()).get(d.oldRef());
                    if (mapped != null) rows.setColumn(d.table(), tenant.get(d.table()), workspaceId, d.newId(), d.column(), mapped);
                }
                h.attach(io.goodword.testimonial.TestimonialDao.class).bumpWallVersion(workspaceId); // public pages show the new data
                AuditLog.record(h, workspaceId, accountId, "data.import",
                        counts.values().stream().mapToInt(Integer::intValue).sum() + " rows, " + imagesStored + " images");
                return new Result(counts, imagesStored);
            });
        } catch (NotFresh e) {
            renamed.values().forEach(images::delete);
            throw new Rejected("data.import.notFresh", e.table);
        } catch (RuntimeException e) {
            renamed.values().forEach(images::delete);
            throw e;
        }
    }

    private static final class NotFresh extends RuntimeException {
        final String table;

        NotFresh(String table) {
            super(table, null, false, false);
            this.table = table;
        }
    }

    private static void applyWorkspace(RowsDao rows, List<SchemaDao.Column> cols, Map<String, Object> exported, long ws,
                                       Map<String, String> renamed) {
        if (exported == null) return;
        Map<String, Object> values = new LinkedHashMap<>();
        for (SchemaDao.Column c : cols) {
            if (WORKSPACE_KEPT.contains(c.name()) || !exported.containsKey(c.name())) continue;
            values.put(c.name(), value(c, exported.get(c.name()), renamed));
        }
        rows.updateWorkspace(ws, values);
    }

    /** A JSON value made ready for binding: Base64 back to bytes, old image names to new ones. */
    private static Object value(SchemaDao.Column c, Object v, Map<String, String> renamed) {
        if (v == null) return null;
        if (c.isBinary() && v instanceof String s) return Base64.getDecoder().decode(s);
        if (v instanceof String s && WorkspaceExport.UPLOAD_NAME.matcher(s).matches()) {
            return renamed.get(s); // null when the image was missing or refused
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) throw new IllegalArgumentException("nested value in " + c.name());
        return v;
    }

    /**
     * Tables in an order where every NOT NULL foreign key points to a table already imported; nullable references
     * to later tables (cycles such as case_studies ⇄ case_study_versions) are filled in afterwards.
     */
    static List<String> order(Map<String, List<SchemaDao.Column>> tenant, List<SchemaDao.ForeignKey> fks, Set<String> present) {
        Set<String> tables = new LinkedHashSet<>();
        for (String t : tenant.keySet()) if (present.contains(t) && !NOT_IMPORTED.contains(t)) tables.add(t);
        Map<String, Set<String>> needs = new HashMap<>();
        for (String t : tables) needs.put(t, new LinkedHashSet<>());
        for (SchemaDao.ForeignKey fk : fks) {
            if (!tables.contains(fk.table()) || !tables.contains(fk.refTable()) || fk.table().equals(fk.refTable())) continue;
            boolean nullable = tenant.get(fk.table()).stream().filter(c -> c.name().equals(fk.column())).findFirst()
                    .map(SchemaDao.Column::nullable).orElse(true);
            if (!nullable) needs.get(fk.table()).add(fk.refTable());
        }
        // Prefer satisfying nullable references too when it costs nothing: a second pass adds them unless they close a cycle.
        for (SchemaDao.ForeignKey fk : fks) {
            if (!tables.contains(fk.table()) || !tables.contains(fk.refTable()) || fk.table().equals(fk.refTable())) continue;
            if (!reaches(needs, fk.refTable(), fk.table())) needs.get(fk.table()).add(fk.refTable());
        }
        List<String> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(tables);
        int guard = 0;
        while (!pending.isEmpty()) {
            String t = pending.poll();
            if (done.containsAll(needs.get(t))) {
                out.add(t);
                done.add(t);
                guard = 0;
            } else {
                pending.add(t);
                if (++guard > pending.size() + 1) throw new IllegalStateException("required foreign keys form a cycle: " + pending);
            }
        }
        return out;
    }

    private static boolean reaches(Map<String, Set<String>> needs, String from, String target) {
        Deque<String> stack = new ArrayDeque<>(List.of(from));
        Set<String> seen = new LinkedHashSet<>();
        while (!stack.isEmpty()) {
            String t = stack.pop();
            if (t.equals(target)) return true;
            if (seen.add(t)) stack.addAll(needs.getOrDefault(t, Set.of()));
        }
        return false;
    }

    private Archive read(InputStream in) throws Rejected {
        Map<String, Object> manifest = null;
        Map<String, Object> workspace = null;
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) throw new Rejected("data.import.tooLarge");
                String name = e.getName();
                byte[] bytes = readLimited(zip, MAX_UNCOMPRESSED - total);
                total += bytes.length;
                if (name.equals("manifest.json")) {
                    manifest = json.readValue(bytes, new TypeReference<>() {});
                } else if (name.equals("workspace.json")) {
                    workspace = json.readValue(bytes, new TypeReference<>() {});
                } else if (name.startsWith("tables/") && name.endsWith(".json")) {
                    String table = name.substring("tables/".length(), name.length() - ".json".length());
                    if (!table.matches("[a-z0-9_]{1,64}")) continue;
                    tables.put(table, json.readValue(bytes, new TypeReference<>() {}));
                } else if (name.startsWith("uploads/")
                        && WorkspaceExport.UPLOAD_NAME.matcher(name.substring("uploads/".length())).matches()) {
                    uploads.put(name.substring("uploads/".length()), bytes);
                }
            }
        } catch (Rejected r) {
            throw r;
        } catch (IOException | RuntimeException e) {
            throw new Rejected("data.import.unreadable");
        }
        if (manifest == null || !WorkspaceExport.FORMAT.equals(manifest.get("format"))) throw new Rejected("data.import.notExport");
        if (!(manifest.get("version") instanceof Number v) || v.intValue() > WorkspaceExport.VERSION) {
            throw new Rejected("data.import.newerVersion");
        }
        return new Archive(manifest, workspace, tables, uploads);
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException, Rejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > limit) throw new Rejected("data.import.tooLarge");
        }
        return out.toByteArray();
    }

    private static String randomHash() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
