package io.goodword.data;

import static io.goodword.data.SchemaDao.q;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Generic row access for export, import and privacy requests: tables and columns come from {@link SchemaDao}
 * (information_schema), every statement is scoped by {@code workspace_id}, and values are bound, never inlined.
 * Values are portable: temporal columns as their SQL text, binary as Base64, the rest as numbers, booleans, strings.
 */
final class RowsDao {
    private final Handle h;

    RowsDao(Handle h) { this.h = h; }

    /** Every row of a tenant table for one workspace, in primary-key order when there is an id. */
    List<Map<String, Object>> rows(String table, List<SchemaDao.Column> cols, long ws) {
        return where(table, cols, ws, "workspace_id", ws);
    }

    /** Rows of one workspace where {@code column = value}. */
    List<Map<String, Object>> where(String table, List<SchemaDao.Column> cols, long ws, String column, Object value) {
        boolean hasId = cols.stream().anyMatch(c -> c.name().equals("id"));
        String sql = "SELECT " + cols.stream().map(c -> q(c.name())).collect(Collectors.joining(", ")) + " FROM " + q(table)
                + " WHERE workspace_id = :ws AND " + q(column) + " = :value" + (hasId ? " ORDER BY id" : "");
        return h.createQuery(sql).bind("ws", ws).bind("value", value).map((rs, ctx) -> read(rs, cols)).list();
    }

    /** The workspace row itself. */
    Map<String, Object> workspace(List<SchemaDao.Column> cols, long ws) {
        String sql = "SELECT " + cols.stream().map(c -> q(c.name())).collect(Collectors.joining(", "))
                + " FROM workspaces WHERE id = :ws";
        return h.createQuery(sql).bind("ws", ws).map((rs, ctx) -> read(rs, cols)).one();
    }

    int count(String table, long ws) {
        return h.createQuery("SELECT COUNT(*) FROM " + q(table) + " WHERE workspace_id = :ws").bind("ws", ws)
                .mapTo(Integer.class).one();
    }

    /** Inserts one row; returns the generated id when the table has an auto-increment id, else 0. */
    long insert(String table, Map<String, Object> values, boolean generatedId) {
        List<String> names = new ArrayList<>(values.keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(table)).append(" (")
                .append(names.stream().map(SchemaDao::q).collect(Collectors.joining(", "))).append(") VALUES (");
        for (int i = 0; i < names.size(); i++) sql.append(i == 0 ? "" : ", ").append(":v").append(i);
        sql.append(")");
        Update u = h.createUpdate(sql.toString());
        for (int i = 0; i < names.size(); i++) u.bind("v" + i, values.get(names.get(i)));
        if (!generatedId) {
            u.execute();
            return 0;
        }
        return u.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Sets one column of one row; {@code updated_at} keeps its imported value (no ON UPDATE bump). */
    void setColumn(String table, List<SchemaDao.Column> cols, long ws, long id, String column, Object value) {
        boolean keepUpdatedAt = cols.stream().anyMatch(c -> c.name().equals("updated_at"));
        h.createUpdate("UPDATE " + q(table) + " SET " + q(column) + " = :value"
                        + (keepUpdatedAt ? ", updated_at = updated_at" : "") + " WHERE id = :id AND workspace_id = :ws")
                .bind("value", value).bind("id", id).bind("ws", ws).execute();
    }

    void updateWorkspace(long ws, Map<String, Object> values) {
        if (values.isEmpty()) return;
        List<String> names = new ArrayList<>(values.keySet());
        StringBuilder sql = new StringBuilder("UPDATE workspaces SET ");
        for (int i = 0; i < names.size(); i++) sql.append(i == 0 ? "" : ", ").append(q(names.get(i))).append(" = :v").append(i);
        sql.append(" WHERE id = :ws");
        Update u = h.createUpdate(sql.toString()).bind("ws", ws);
        for (int i = 0; i < names.size(); i++) u.bind("v" + i, values.get(names.get(i)));
        u.execute();
    }

    /**
     * Replaces every match of {@code regex} (PCRE, as MariaDB's REGEXP_REPLACE reads it) in one text column of one
     * workspace's rows, limited to the rows with the given ids unless {@code ids} is null; returns how many rows changed.
     */
    int scrub(SchemaDao.Column col, long ws, Collection<Long> ids, String regex, String replacement) {
        if (ids != null && ids.isEmpty()) return 0;
        String value = "REGEXP_REPLACE(" + q(col.name()) + ", :re, :replacement)";
        if (col.maxLength() != null && col.maxLength() < 65_535) value = "LEFT(" + value + ", " + col.maxLength() + ")";
        Update u = h.createUpdate("UPDATE " + q(col.table()) + " SET " + q(col.name()) + " = " + value
                        + " WHERE workspace_id = :ws AND " + q(col.name()) + " REGEXP :re" + (ids == null ? "" : " AND id IN (<ids>)"))
                .bind("re", regex).bind("replacement", replacement).bind("ws", ws);
        if (ids != null) u.bindList("ids", List.copyOf(ids));
        return u.execute();
    }

    /** Ids of one workspace's rows of a table whose {@code column} is one of {@code values}. */
    List<Long> idsWhereIn(String table, long ws, String column, Collection<?> values) {
        if (values.isEmpty()) return List.of();
        return h.createQuery("SELECT id FROM " + q(table) + " WHERE workspace_id = :ws AND " + q(column) + " IN (<values>)")
                .bind("ws", ws).bindList("values", List.copyOf(values)).mapTo(Long.class).list();
    }

    /** One text column of the given rows, by id. */
    Map<Long, String> texts(SchemaDao.Column col, long ws, Collection<Long> ids) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        h.createQuery("SELECT id, " + q(col.name()) + " FROM " + q(col.table()) + " WHERE workspace_id = :ws AND id IN (<ids>)")
                .bind("ws", ws).bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<String, Object> read(ResultSet rs, List<SchemaDao.Column> cols) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (SchemaDao.Column c : cols) {
            Object v;
            if (c.isTemporal()) {
                v = rs.getString(c.name());
            } else if (c.isBinary()) {
                byte[] b = rs.getBytes(c.name());
                v = b == null ? null : Base64.getEncoder().encodeToString(b);
            } else {
                v = rs.getObject(c.name());
                if (v instanceof java.math.BigInteger bi) v = bi.longValue();
            }
            row.put(c.name(), v);
        }
        return row;
    }
}
