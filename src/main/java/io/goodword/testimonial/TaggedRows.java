package io.goodword.testimonial;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The one way a public list reads testimonials with their tags: {@link TestimonialDao#COLUMNS} and {@link #TAGS} in
 * one statement, mapped by {@link TestimonialRows}. The wall, widget and feed ({@link PublicRows}) and the referral
 * landing and case studies ({@link PublicTestimonials}) all read them so.
 */
public final class TaggedRows implements RowMapper<TaggedRows.Row> {
    /**
     * A row's tags in tag order, as one column: a second statement for the page's tags cost MariaDB more to parse and
     * optimise than to run, and the portal a second round trip. Separated by U+001F (the unit separator), which no tag
     * holds: tags are letters, digits and dashes ({@link Tags#normalize}). The primary key (testimonial_id, tag)
     * finds them in order.
     */
    static final String TAGS = ", (SELECT GROUP_CONCAT(g.tag ORDER BY g.tag SEPARATOR '\u001f') FROM testimonial_tags g"
            + " WHERE g.testimonial_id = t.id AND g.workspace_id = t.workspace_id) AS tags";

    /** A row and its tags. */
    public record Row(Testimonial testimonial, List<String> tags) {
        /** The row as the public may see it, or none when it is not public. */
        Optional<PublicTestimonial> shown() { return PublicTestimonial.of(testimonial, tags); }
    }

    private final TestimonialRows rows = new TestimonialRows();

    /** Made by Jdbi for {@code @RegisterRowMapper}, and once by {@link PublicRows}. */
    public TaggedRows() {}

    @Override
    public Row map(ResultSet r, StatementContext ctx) throws SQLException {
        String joined = r.getString("tags");
        return new Row(rows.map(r, ctx), joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\u001f")));
    }

    /** The rows as the public may see them, in their order (rows not public are left out). */
    static List<PublicTestimonial> shown(List<Row> rows) {
        List<PublicTestimonial> out = new ArrayList<>(rows.size());
        for (Row r : rows) r.shown().ifPresent(out::add);
        return out;
    }
}
