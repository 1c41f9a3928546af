package io.goodword.data;

import static io.goodword.data.WorkspaceImport.NOT_IMPORTED;
import static io.goodword.data.WorkspaceImport.WORKSPACE_KEPT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.goodword.audit.AuditLog;
import io.goodword.data.WorkspaceImport.Rejected;
import io.goodword.data.WorkspaceImport.Result;
import io.goodword.referral.ReferralCodes;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** One import's transaction: tables in foreign-key order, each streamed row by row into inserts. */
final class ImportLoader {
    private static final SecureRandom RANDOM = new SecureRandom();

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
    private final ImportBudget budget;
    private final Map<String, List<SchemaDao.Column>> tenant;
    private final List<SchemaDao.ForeignKey> fks;
    private final Map<String, Integer> position = new HashMap<>();
    private final Map<String, Map<Long, Long>> ids = new HashMap<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int newCodes;

    ImportLoader(Handle h, long ws, long accountId, Map<String, String> renamed, ImportBudget budget, boolean signed) {
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
        List<String> order = ImportOrder.order(tenant, fks, declared.keySet());
        for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
        for (String table : order) loadTable(archive, table, declared.get(table));
        closeCycles();
        h.attach(io.goodword.testimonial.TestimonialDao.class).bumpWallVersion(ws); // public pages show the new data
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        AuditLog.record(h, ws, accountId, "data.import", total + " rows, " + renamed.size() + " images"
                + (newCodes > 0 ? ", " + newCodes + " new referral codes" : ""));
        return new Result(counts, renamed.size(), newCodes, signed);
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
             JsonParser p = ImportArchive.JSON_FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new Rejected("data.import.notExport");
            int n = 0;
            int imported = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) throw new Rejected("data.import.notExport");
                if (++n > declared) throw new Rejected("data.import.tooManyRows", name);
                budget.row(name);
                if (loadRow(table, ImportArchive.readRow(p, table.byName()), n)) imported++;
            }
            counts.put(name, imported);
        } catch (ImportBudget.TooLarge e) {
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
            ImportRowRules.row(t.name(), values, renamed, signed);
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
            // a DuplicateKey (a conflict with this installation's data) is no JdbiException: the controller says so
            throw new Rejected("data.import.badRow", t.name(), n);
        }
    }

    private void closeCycles() {
        for (Deferred d : deferred) {
            Long mapped = ids.getOrDefault(d.refTable(), Map.of()).get(d.oldRef());
            if (mapped != null) rows.setColumn(d.table(), tenant.get(d.table()), ws, d.newId(), d.column(), mapped);
        }
    }

    private static String randomHash() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
