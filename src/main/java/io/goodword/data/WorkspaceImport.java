package io.goodword.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.audit.AuditLog;
import io.goodword.db.Sql;
import io.goodword.media.ImageStore;
import io.goodword.referral.ReferralCodes;
import io.goodword.security.Secrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Loads a {@link WorkspaceExport} ZIP into a fresh workspace (of this or another installation). Everything is driven
 * by the live schema: rows get new ids, every foreign key is remapped through information_schema's key columns
 * (cycles are closed after all rows are in), workspace_id becomes the target, accounts are not imported (the
 * importer's own account stays the only one), images are re-encoded by ImageStore and their new names replace the old.
 * One transaction: an import either lands completely or not at all.
 *
 * <p>An archive is untrusted and may be built to exhaust the server, so nothing is held whole in memory: the upload
 * is spooled to a temporary file and opened as a ZIP, the manifest is checked first (format, version, declared row
 * counts within the caps), tables it does not know refuse the archive before anything is read, entries that are not
 * imported are never decompressed, and each table is stream-parsed row by row straight into inserts, counted against
 * the caps and the uncompressed-bytes budget. Images count against a pixel budget before they are decoded. One import
 * runs at a time per process. Every value passes {@link ImportRules}.
 */
public final class WorkspaceImport {
    static final long MAX_ARCHIVE_BYTES = 20L * 1024 * 1024;
    static final long MAX_UNCOMPRESSED = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_ROWS_PER_TABLE = 100_000;
    static final int MAX_ROWS = 250_000;
    static final int MAX_IMAGES = 2_000;
    static final long MAX_IMAGE_PIXELS = 400_000_000L;
    /** The largest side of an imported image: the largest real use of an image on a page. */
    static final int MAX_SIDE = 1600;
    static final int MAX_SMALL_JSON = 1024 * 1024;
    /** Outgoing mail is never replayed, old addresses belong to the old workspace, links' secrets were not exported,
     *  and the audit log is this installation's own record (an archive cannot write history). */
    static final Set<String> NOT_IMPORTED = Set.of("accounts", "outbox", "workspace_slug_history", "ask_links", "audit_log");
    /** Workspace columns that describe the installation's copy, not the freelancer's settings. */
    static final Set<String> WORKSPACE_KEPT = Set.of("id", "slug", "created_at", "updated_at", "wall_version");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_SMALL_JSON).maxNestingDepth(50).build())
            .build();
    private static final ObjectMapper JSON = new ObjectMapper(JSON_FACTORY);

    /** Why an archive was refused; the key is shown next to the file field. */
    public static final class Rejected extends Exception {
        private final String messageKey;
        private final Object[] args;

        Rejected(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() { return messageKey; }

        public Object[] args() { return args; }
    }

    /** What was imported: rows per table. */
    public record Result(Map<String, Integer> rows, int images, int newCodes) {
        public int total() { return rows.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private record Manifest(Map<String, Integer> tables, List<String> uploads) {}

    private final Jdbi jdbi;
    private final ImageStore images;
    /** One import at a time per process: each may hold a transaction of many rows and decode many images. */
    private final ReentrantLock running = new ReentrantLock();

    private final ExportSignature signature;

    public WorkspaceImport(Jdbi jdbi, ImageStore images) {
        this.jdbi = jdbi;
        this.images = images;
        this.signature = new ExportSignature(new Secrets(jdbi));
    }

    public Result importInto(long workspaceId, long accountId, InputStream zip) throws Rejected {
        if (!running.tryLock()) throw new Rejected("data.import.busy");
        Path spooled = null;
        try {
            spooled = spool(zip);
            try (ZipFile archive = new ZipFile(spooled.toFile())) {
                return importArchive(workspaceId, accountId, archive);
            }
        } catch (ZipException e) {
            throw new Rejected("data.import.notExport");
        } catch (IOException e) {
            throw new Rejected("data.import.unreadable");
        } finally {
            running.unlock();
            deleteQuietly(spooled);
        }
    }

    private Result importArchive(long ws, long accountId, ZipFile archive) throws Rejected {
        if (archive.size() > MAX_ENTRIES) throw new Rejected("data.import.tooLarge");
        Budget budget = new Budget();
        Manifest manifest = manifest(archive, budget);
        // Written by this installation and unchanged? Then its verified badges and approvals are kept (M1).
        boolean signed = signature.verify(archive, new Budget()::limit);
        Map<String, List<SchemaDao.Column>> tenant = jdbi.withHandle(h -> new SchemaDao(h).tenantTables());
        Map<String, Integer> declared = tables(archive, manifest, tenant);
        Map<String, Object> workspace = workspace(archive, budget);
        Map<String, String> renamed = storeImages(archive, manifest, budget);
        try {
            return jdbi.<Result, Rejected>inTransaction(h -> new Loader(h, ws, accountId, renamed, budget, signed)
                    .load(archive, declared, workspace));
        } catch (Rejected | RuntimeException e) {
            renamed.values().forEach(images::delete);
            throw e;
        }
    }

    /** Format and version first; declared row counts within the caps before a single row is read. */
    private static Manifest manifest(ZipFile archive, Budget budget) throws Rejected {
        ZipEntry entry = archive.getEntry("manifest.json");
        if (entry == null) throw new Rejected("data.import.notExport");
        JsonNode m = smallJson(archive, entry, budget);
        if (!WorkspaceExport.FORMAT.equals(m.path("format").asText())) throw new Rejected("data.import.notExport");
        if (!m.path("version").canConvertToInt() || m.path("version").asInt() > WorkspaceExport.VERSION) {
            throw new Rejected("data.import.newerVersion");
        }
        Map<String, Integer> tables = new LinkedHashMap<>();
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("tables").fields(); it.hasNext(); ) {
            var t = it.next();
            long n = t.getValue().asLong(-1);
            if (n < 0 || n > MAX_ROWS_PER_TABLE || (total += n) > MAX_ROWS) throw new Rejected("data.import.tooManyRows", shown(t.getKey()));
            tables.put(t.getKey(), (int) n);
        }
        List<String> uploads = new ArrayList<>();
        for (JsonNode u : m.path("uploads")) {
            if (WorkspaceExport.UPLOAD_NAME.matcher(u.asText()).matches()) uploads.add(u.asText());
        }
        if (uploads.size() > MAX_IMAGES) throw new Rejected("data.import.tooManyImages", MAX_IMAGES);
        return new Manifest(tables, uploads);
    }

    /**
     * The tables to load, with the row counts the manifest declares. A table this installation does not know refuses
     * the archive (its data would be lost silently); entries that are not imported are never read.
     */
    private static Map<String, Integer> tables(ZipFile archive, Manifest manifest, Map<String, List<SchemaDao.Column>> tenant)
            throws Rejected {
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (var entries = archive.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!name.startsWith("tables/") || !name.endsWith(".json")) continue;
            String table = name.substring("tables/".length(), name.length() - ".json".length());
            if (NOT_IMPORTED.contains(table)) continue;
            if (!tenant.containsKey(table)) throw new Rejected("data.import.unknownTable", shown(table));
            declared.put(table, manifest.tables().getOrDefault(table, 0));
        }
        return declared;
    }

    private static Map<String, Object> workspace(ZipFile archive, Budget budget) throws Rejected {
        ZipEntry entry = archive.getEntry("workspace.json");
        if (entry == null) return null;
        JsonNode ws = smallJson(archive, entry, budget);
        if (!ws.isObject()) throw new Rejected("data.import.notExport");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ws.fields(); it.hasNext(); ) {
            var f = it.next();
            JsonNode v = f.getValue();
            out.put(f.getKey(), v.isNull() ? null : v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue()
                    : v.isTextual() ? v.asText() : List.of());
        }
        return out;
    }

    private static JsonNode smallJson(ZipFile archive, ZipEntry entry, Budget budget) throws Rejected {
        try {
            return JSON.readTree(readLimited(archive, entry, budget, MAX_SMALL_JSON));
        } catch (IOException e) {
            throw new Rejected("data.import.notExport");
        }
    }

    /**
     * Re-encodes the images the manifest lists (nothing else under uploads/ is read), each counted against the pixel
     * budget from its header before it is decoded. Returns old name → new name; a refused image is left out.
     */
    private Map<String, String> storeImages(ZipFile archive, Manifest manifest, Budget budget) throws Rejected {
        Map<String, String> renamed = new HashMap<>();
        try {
            for (String name : manifest.uploads()) {
                ZipEntry entry = archive.getEntry("uploads/" + name);
                if (entry == null || renamed.containsKey(name)) continue;
                byte[] bytes = readLimited(archive, entry, budget, ImageStore.MAX_BYTES);
                if (bytes == null) continue; // larger than any image this installation stores
                budget.pixels(pixels(bytes));
                try {
                    renamed.put(name, images.store(bytes, MAX_SIDE, ImageStore.Fit.WITHIN));
                } catch (ImageStore.Rejected r) {
                    // not a valid image: rows pointing to it lose the reference
                }
            }
            return renamed;
        } catch (Rejected | RuntimeException e) {
            renamed.values().forEach(images::delete);
            throw e;
        }
    }

    /** Width × height from the image header, without decoding; 0 when unreadable (ImageStore then refuses it). */
    private static long pixels(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return 0;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The entry's bytes, or null when it holds more than {@code limit}; counted against the budget. */
    private static byte[] readLimited(ZipFile archive, ZipEntry entry, Budget budget, long limit) throws Rejected {
        try (InputStream in = budget.limit(archive.getInputStream(entry))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > limit) return null;
            }
            return out.toByteArray();
        } catch (TooLarge e) {
            throw new Rejected("data.import.tooLarge");
        } catch (IOException e) {
            throw new Rejected("data.import.unreadable");
        }
    }

    /** The upload, copied to a private temporary file so the ZIP can be read entry by entry in any order. */
    private static Path spool(InputStream in) throws IOException, Rejected {
        Path file = Files.createTempFile("goodword-import-", ".zip"); // owner-only permissions
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                if ((total += n) > MAX_ARCHIVE_BYTES) throw new Rejected("data.import.tooLarge");
                out.write(buf, 0, n);
            }
            return file;
        } catch (IOException | Rejected | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed by the OS's temp cleaning
        }
    }

    /** A name from the archive, shortened for the message next to the field (it is escaped there). */
    private static String shown(String name) { return name.length() > 64 ? name.substring(0, 64) + "…" : name; }

    /** Thrown by the budgeted stream when the archive holds more than {@link #MAX_UNCOMPRESSED} bytes. */
    private static final class TooLarge extends IOException {
        TooLarge() { super("too large", null); }
    }

    /** What one archive may cost: uncompressed bytes read, rows, image pixels. */
    private static final class Budget {
        private long bytes;
        private int rows;
        private long pixels;

        InputStream limit(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) count(1);
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) count(n);
                    return n;
                }
            };
        }

        private void count(int n) throws TooLarge {
            if ((bytes += n) > MAX_UNCOMPRESSED) throw new TooLarge();
        }

        void row(String table) throws Rejected {
            if (++rows > MAX_ROWS) throw new Rejected("data.import.tooManyRows", table);
        }

        void pixels(long p) throws Rejected {
            if ((pixels += p) > MAX_IMAGE_PIXELS) throw new Rejected("data.import.tooManyPixels");
        }
    }

    /** One import's transaction: tables in foreign-key order, each streamed row by row into inserts. */
    private final class Loader {
        private record Deferred(String table, long newId, String column, String refTable, long oldRef) {}

        /** One table being loaded: its columns by name, whether ids are generated, its foreign keys. */
        private record Table(String name, List<SchemaDao.Column> cols, Map<String, SchemaDao.Column> byName, boolean autoId,
                             Map<String, SchemaDao.ForeignKey> fks) {}

        /** A row whose required parent was not imported is left out. */
        private static final Object SKIP_ROW = new Object();

        private final Handle h;
        private final RowsDao rows;
        private final SchemaDao schema;
        private final long ws;
        private final long accountId;
        private final Map<String, String> renamed;
        /** The archive is this installation's own, unchanged (ExportSignature): its trust columns are kept. */
        private final boolean signed;
        private final Budget budget;
        private final Map<String, List<SchemaDao.Column>> tenant;
        private final List<SchemaDao.ForeignKey> fks;
        private final Map<String, Integer> position = new HashMap<>();
        private final Map<String, Map<Long, Long>> ids = new HashMap<>();
        private final List<Deferred> deferred = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private int newCodes;

        Loader(Handle h, long ws, long accountId, Map<String, String> renamed, Budget budget, boolean signed) {
            this.signed = signed;
            this.h = h;
            this.rows = new RowsDao(h);
            this.schema = new SchemaDao(h);
            this.ws = ws;
            this.accountId = accountId;
            this.renamed = renamed;
            this.budget = budget;
            this.tenant = schema.tenantTables();
            this.fks = schema.foreignKeys();
        }

        Result load(ZipFile archive, Map<String, Integer> declared, Map<String, Object> workspace) throws Rejected {
            checkFresh();
            applyWorkspace(workspace);
            List<String> order = order(tenant, fks, declared.keySet());
            for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
            for (String table : order) loadTable(archive, table, declared.get(table));
            closeCycles();
            h.attach(io.goodword.testimonial.TestimonialDao.class).bumpWallVersion(ws); // public pages show the new data
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            AuditLog.record(h, ws, accountId, "data.import", total + " rows, " + renamed.size() + " images"
                    + (newCodes > 0 ? ", " + newCodes + " new referral codes" : ""));
            return new Result(counts, renamed.size(), newCodes);
        }

        private void checkFresh() throws Rejected {
            for (String table : tenant.keySet()) {
                if (!NOT_IMPORTED.contains(table) && rows.count(table, ws) > 0) throw new Rejected("data.import.notFresh", table);
            }
        }

        private void applyWorkspace(Map<String, Object> exported) throws Rejected {
            if (exported == null) return;
            Map<String, Object> values = new LinkedHashMap<>();
            for (SchemaDao.Column c : schema.columns().get("workspaces")) {
                if (WORKSPACE_KEPT.contains(c.name()) || !exported.containsKey(c.name())) continue;
                values.put(c.name(), value(c, exported.get(c.name()), 1));
            }
            rows.updateWorkspace(ws, values);
        }

        private void loadTable(ZipFile archive, String name, int declared) throws Rejected {
            Table table = table(name);
            try (InputStream in = budget.limit(archive.getInputStream(archive.getEntry("tables/" + name + ".json")));
                 JsonParser p = JSON_FACTORY.createParser(in)) {
                if (p.nextToken() != JsonToken.START_ARRAY) throw new Rejected("data.import.notExport");
                int n = 0;
                int imported = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t != JsonToken.START_OBJECT) throw new Rejected("data.import.notExport");
                    if (++n > declared) throw new Rejected("data.import.tooManyRows", name);
                    budget.row(name);
                    if (loadRow(table, readRow(p, table.byName()), n)) imported++;
                }
                counts.put(name, imported);
            } catch (TooLarge e) {
                throw new Rejected("data.import.tooLarge");
            } catch (IOException e) {
                throw new Rejected("data.import.damaged", name); // not JSON, or a value beyond the parser's limits
            }
        }

        private Table table(String name) {
            List<SchemaDao.Column> cols = tenant.get(name);
            Map<String, SchemaDao.Column> byName = new LinkedHashMap<>();
            cols.forEach(c -> byName.put(c.name(), c));
            boolean autoId = byName.containsKey("id") && byName.get("id").autoIncrement();
            Map<String, SchemaDao.ForeignKey> tableFks = new HashMap<>();
            fks.stream().filter(fk -> fk.table().equals(name)).forEach(fk -> tableFks.put(fk.column(), fk));
            ids.computeIfAbsent(name, k -> new HashMap<>());
            return new Table(name, cols, byName, autoId, tableFks);
        }

        /** Inserts one row; false when it was left out because its required parent is missing. */
        private boolean loadRow(Table t, Map<String, Object> row, int n) throws Rejected {
            Map<String, Object> values = new LinkedHashMap<>();
            List<Deferred> later = new ArrayList<>();
            for (SchemaDao.Column c : t.cols()) {
                Object v = columnValue(t, c, row, later, n);
                if (v == SKIP_ROW) return false;
                if (v != null || row.containsKey(c.name()) || c.name().equals("workspace_id")) values.put(c.name(), v);
            }
            values.keySet().retainAll(insertable(t, row));
            try {
                ImportRules.row(t.name(), values, renamed, signed);
            } catch (ImportRules.Invalid e) {
                throw new Rejected("data.import.badValue", t.name(), e.column, n);
            }
            if (t.name().equals("referral_links")) freeCode(values);
            long newId = insert(t, values, n);
            if (t.autoId() && row.get("id") instanceof Number old) ids.get(t.name()).put(old.longValue(), newId);
            for (Deferred d : later) deferred.add(new Deferred(t.name(), newId, d.column(), d.refTable(), d.oldRef()));
            return true;
        }

        /** Columns the insert names: what the row holds, plus the target workspace and generated secrets. */
        private Set<String> insertable(Table t, Map<String, Object> row) {
            Set<String> out = new LinkedHashSet<>(row.keySet());
            out.add("workspace_id");
            for (SchemaDao.Column c : t.cols()) if (WorkspaceExport.secretColumn(c.name()) && !c.nullable()) out.add(c.name());
            if (t.autoId()) out.remove("id");
            return out;
        }

        /** The value to insert for one column (null = its default applies), or {@link #SKIP_ROW}. */
        private Object columnValue(Table t, SchemaDao.Column c, Map<String, Object> row, List<Deferred> later, int n)
                throws Rejected {
            String name = c.name();
            if (name.equals("id") && t.autoId()) return null;
            if (name.equals("workspace_id")) return ws;
            if (WorkspaceExport.secretColumn(name)) return c.nullable() ? null : randomHash();
            if (!row.containsKey(name)) return null; // the export predates this column: its default applies
            Object v = value(c, row.get(name), n);
            SchemaDao.ForeignKey fk = t.fks().get(name);
            return fk == null || v == null ? v : reference(t, c, fk, v, later, n);
        }

        /** A foreign key remapped to the new id; references to later tables are closed after all rows are in. */
        private Object reference(Table t, SchemaDao.Column c, SchemaDao.ForeignKey fk, Object v, List<Deferred> later, int n)
                throws Rejected {
            if (fk.refTable().equals("accounts")) return c.nullable() ? null : accountId;
            if (fk.refTable().equals("workspaces")) return ws;
            if (!(v instanceof Number num)) throw new Rejected("data.import.badValue", t.name(), c.name(), n);
            long old = num.longValue();
            Integer refPos = position.get(fk.refTable());
            if (refPos != null && refPos >= position.get(t.name()) && c.nullable()) {
                later.add(new Deferred(t.name(), 0, c.name(), fk.refTable(), old));
                return null;
            }
            Long mapped = ids.getOrDefault(fk.refTable(), Map.of()).get(old);
            return mapped == null && !c.nullable() ? SKIP_ROW : mapped;
        }

        /** A JSON value made ready for binding: Base64 back to bytes, old image names to new ones, form rules applied. */
        private Object value(SchemaDao.Column c, Object v, int n) throws Rejected {
            if (v == null) return null;
            try {
                if (c.isBinary() && v instanceof String s) return Base64.getDecoder().decode(s);
                if (v instanceof String s && WorkspaceExport.UPLOAD_NAME.matcher(s).matches()) {
                    return renamed.get(s); // null when the image was missing or refused
                }
                return ImportRules.clean(c, v);
            } catch (ImportRules.Invalid | IllegalArgumentException e) {
                throw new Rejected("data.import.badValue", c.table(), c.name(), n);
            }
        }

        /** Importing into the installation the export came from: a referral code already taken gets a new one. */
        private void freeCode(Map<String, Object> values) {
            if (!(values.get("code") instanceof String code)) return;
            boolean taken = h.createQuery("SELECT COUNT(*) FROM referral_links WHERE code = :c").bind("c", code)
                    .mapTo(Integer.class).one() > 0;
            if (!taken) return;
            values.put("code", ReferralCodes.next());
            newCodes++;
        }

        private long insert(Table t, Map<String, Object> values, int n) throws Rejected {
            try {
                return rows.insert(t.name(), values, t.autoId());
            } catch (JdbiException e) {
                if (Sql.isDuplicateKey(e)) throw e; // a conflict with this installation's data: said so by the controller
                throw new Rejected("data.import.badRow", t.name(), n);
            }
        }

        private void closeCycles() {
            for (Deferred d : deferred) {
                Long mapped = ids.getOrDefault(d.refTable(), Map.of()).get(d.oldRef());
                if (mapped != null) rows.setColumn(d.table(), tenant.get(d.table()), ws, d.newId(), d.column(), mapped);
            }
        }
    }

    /**
     * One row object from the parser, scalars only, keeping just the table's columns (anything else is skipped without
     * being held). A nested value becomes an empty list, which {@link ImportRules} refuses.
     */
    private static Map<String, Object> readRow(JsonParser p, Map<String, SchemaDao.Column> columns) throws IOException {
        Map<String, Object> row = new HashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!columns.containsKey(name)) {
                p.skipChildren();
                continue;
            }
            row.put(name, scalar(p, v));
        }
        return row;
    }

    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> {
                p.skipChildren();
                yield List.of();
            }
        };
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

    private static String randomHash() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
