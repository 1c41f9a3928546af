package io.goodword.testimonial;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps the lower-case status and source columns to their enums. */
final class EnumColumns {
    private EnumColumns() {}

    public static final class Status implements ColumnMapper<TestimonialStatus> {
        @Override
        public TestimonialStatus map(ResultSet r, int i, StatementContext ctx) throws SQLException {
            return TestimonialStatus.parse(r.getString(i));
        }
    }

    public static final class Source implements ColumnMapper<TestimonialSource> {
        @Override
        public TestimonialSource map(ResultSet r, int i, StatementContext ctx) throws SQLException {
            return TestimonialSource.parse(r.getString(i));
        }
    }
}
