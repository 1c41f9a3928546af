package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@link TestimonialDao#COLUMNS} to a {@link Testimonial} by hand, for the public pages' rows
 * ({@link TaggedRows}). Jdbi's ConstructorMapper matches columns to the record's parameters by reflection again for
 * every result set (perf on the uncached wall: ~11 % of the bytes allocated per render); this reads each column by
 * name, converted exactly as Jdbi's own mappers convert it (timestamps through {@code getTimestamp().toInstant()},
 * dates through {@code getObject(LocalDate.class)}, enums as {@link EnumColumns} and {@link LowerCaseEnums} read them),
 * so both give equal records ({@code UncachedRenderIT} compares them).
 */
final class TestimonialRows implements RowMapper<Testimonial> {
    @Override
    public Testimonial map(ResultSet r, StatementContext ctx) throws SQLException {
        return new Testimonial(r.getLong("id"), r.getLong("workspace_id"), boxed(r, "client_id"),
                TestimonialStatus.parse(r.getString("status")), TestimonialSource.parse(r.getString("source")),
                r.getBoolean("verified"), r.getInt("rating"), r.getString("body"), r.getString("excerpt"),
                r.getString("name"), r.getString("role"), r.getString("company"), r.getString("website"),
                r.getString("email"), r.getString("photo_file"), r.getBoolean("consent_publish"),
                r.getBoolean("consent_show_photo"), r.getBoolean("consent_show_company"), r.getBoolean("featured"),
                r.getString("reply"), r.getString("submitted_ip"), r.getString("original_body"),
                instant(r, "created_at"), instant(r, "updated_at"), instant(r, "approved_at"), r.getString("name_display"),
                r.getBoolean("consent_case_study"), r.getBoolean("consent_reference"), boxed(r, "project_id"),
                boxed(r, "milestone_id"), r.getString("project_title"), instant(r, "verified_at"),
                instant(r, "withdrawn_at"), platform(r.getString("origin_platform")), r.getString("source_url"),
                r.getObject("original_date", LocalDate.class), r.getString("avatar_url"));
    }

    private static Long boxed(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Platform platform(String s) {
        if (s == null) return null;
        Platform p = LowerCaseEnums.parse(Platform.class, s);
        if (p == null) throw new IllegalStateException("unknown Platform value in the database");
        return p;
    }
}
