package io.goodword.db;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.SqlExceptionHandler;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The one place SQL errors become domain exceptions: registered on the Jdbi by {@link Database}, it runs for every
 * statement (SqlObject DAOs and fluent calls alike). Anything else keeps Jdbi's own exception.
 */
final class SqlErrors implements SqlExceptionHandler {
    static final int ER_DUP_ENTRY = 1062;

    @Override
    public void handle(SQLException ex, StatementContext ctx) {
        if (ex.getErrorCode() == ER_DUP_ENTRY) throw new DuplicateKey(Sql.violatedKey(ex), ex);
    }
}
