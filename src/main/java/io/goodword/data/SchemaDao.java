package io.goodword.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The live schema, read from information_schema, so export, import and erasure cover every table any feature adds
 * (tables with a {@code workspace_id} column are tenant-owned). Identifiers come only from information_schema and are
 * quoted; values are always bound.
 */
final class SchemaDao {
    /** Tables never exported or touched generically: sessions, counters, secrets, and Flyway's own history. */
    static final Set<String> NOT_TENANT_DATA = Set.of("http_sessions", "throttle_events", "flyway_schema_history");

    record Column(String table, String name, String dataType, boolean nullable, Long maxLength, boolean autoIncrement) {
        boolean isText() {
            return Set.of("varchar", "char", "text", "tinytext", "mediumtext", "longtext").contains(dataType);
        }

        boolean isTemporal() { return Set.of("datetime", "timestamp", "date", "time").contains(dataType); }

        boolean isBinary() { return Set.of("blob", "mediumblob", "longblob", "tinyblob", "binary", "varbinary").contains(dataType); }
    }

    record ForeignKey(String table, String column, String refTable, String refColumn) {}

    private final Handle h;

    SchemaDao(Handle h) { this.h = h; }

    /**
     * Every column of every base table that holds data of its own, by table (ordered), columns in their declared order.
     * Generated columns (e.g. asks.delay_bucket, V72) are left out: the database computes them, refuses a value for
     * them on insert, and an export need not carry what the import's database computes again.
     */
    Map<String, List<Column>> columns() {
        Map<String, List<Column>> byTable = new TreeMap<>();
        h.createQuery("""
                        SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.character_maximum_length, c.extra
                        FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
                        ORDER BY c.table_name, c.ordinal_position""")
                .map((rs, ctx) -> new Column(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase(),
                        rs.getString(3).toLowerCase(), "YES".equals(rs.getString(4)),
                        rs.getObject(5) == null ? null : rs.getLong(5),
                        rs.getString(6) != null && rs.getString(6).toLowerCase().contains("auto_increment")))
                .forEach(c -> byTable.computeIfAbsent(c.table(), k -> new ArrayList<>()).add(c));
        return byTable;
    }

    /** Tenant-owned tables: the ones with a workspace_id column. */
    Map<String, List<Column>> tenantTables() {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        columns().forEach((table, cols) -> {
            if (!NOT_TENANT_DATA.contains(table) && cols.stream().anyMatch(c -> c.name().equals("workspace_id"))) {
                out.put(table, cols);
            }
        });
        return out;
    }

    List<ForeignKey> foreignKeys() {
        return h.createQuery("""
                        SELECT table_name, column_name, referenced_table_name, referenced_column_name
                        FROM information_schema.key_column_usage
                        WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL""")
                .map((rs, ctx) -> new ForeignKey(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase(),
                        rs.getString(3).toLowerCase(), rs.getString(4).toLowerCase()))
                .list();
    }

    /** The latest applied migration, written into exports so an import can tell which schema they came from. */
    String schemaVersion() {
        return h.createQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL "
                        + "ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class).findOne().orElse("");
    }

    static String q(String identifier) {
        if (!identifier.matches("[a-z0-9_]{1,64}")) throw new IllegalArgumentException("odd identifier " + identifier);
        return "`" + identifier + "`";
    }
}
