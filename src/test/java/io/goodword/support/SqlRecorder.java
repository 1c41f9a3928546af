package io.goodword.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL a portal's requests ran while {@code requests} ran, to prove what a page reads (and what it does not). */
public final class SqlRecorder {
    private SqlRecorder() {}

    /** The raw SQL of every statement run on request threads: the background worker's jobs (goodword-*) left out. */
    public static List<String> during(Jdbi jdbi, Runnable requests) {
        List<String> statements = new CopyOnWriteArrayList<>();
        SqlStatements config = jdbi.getConfig(SqlStatements.class);
        SqlLogger before = config.getSqlLogger();
        config.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (!Thread.currentThread().getName().startsWith("goodword-")) statements.add(context.getRawSql());
            }
        });
        try {
            requests.run();
        } finally {
            config.setSqlLogger(before);
        }
        return List.copyOf(statements);
    }
}
