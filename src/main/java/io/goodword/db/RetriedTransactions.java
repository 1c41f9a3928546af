package io.goodword.db;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.core.transaction.TransactionHandler;

/**
 * Every transaction is tried again when InnoDB chose it as a deadlock victim. Deadlocks are normal under concurrent
 * writes (two case studies asked for approval at the same moment deadlocked in a load run and answered 500); InnoDB
 * rolls the victim back whole, so running the same callback again is correct as long as transaction bodies do only
 * database work, which is the rule here. Jdbi's runner recognises SQLState 40001 (MariaDB's 1213); MariaDB reports
 * a deadlock met while taking an auto-increment lock as error 1467 with a generic SQLState, so that one is added.
 * A nested transaction is never retried on its own: the outermost one is.
 *
 * <p>Retries wait a little, growing and jittered ("full jitter": a random pause up to 10 ms, 20 ms, 40 ms ... capped at
 * 400 ms), so that transactions which collided do not collide again at once. Without the pause, four immediate retries
 * were spent within a millisecond at load 30 and 4 of 3,489 case-study posts still answered 500 with 1467.
 */
final class RetriedTransactions extends SerializableTransactionRunner {
    static final int MAX_RETRIES = 10;
    static final long FIRST_PAUSE_MILLIS = 10;
    static final long LONGEST_PAUSE_MILLIS = 400;
    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_AUTOINC_READ_FAILED = 1467;

    private RetriedTransactions(TransactionHandler delegate) {
        super(delegate);
    }

    static void install(Jdbi jdbi) {
        jdbi.setTransactionHandler(new RetriedTransactions(LocalTransactionHandler.binding()));
        jdbi.getConfig(SerializableTransactionRunner.Configuration.class).setMaxRetries(MAX_RETRIES)
                .setOnFailure(failures -> { if (failures.size() <= MAX_RETRIES) pause(failures.size()); });
    }

    /** Longest pause before the retry that follows the given number of failures: doubling, capped. */
    static long pauseCeilingMillis(int failures) {
        return Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(failures - 1, 20));
    }

    private static void pause(int failures) {
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(pauseCeilingMillis(failures)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the retry still runs; whoever interrupted sees the flag
        }
    }

    /** Jdbi asks each handle for its own handler; without this it would get a runner that ignores 1467 and nesting. */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new RetriedTransactions(getDelegate().specialize(handle));
    }

    /**
     * Inside an open transaction a deadlock has already rolled back the outer work, so running only the inner part
     * again would commit half of it: the exception goes up to the outermost transaction, which runs all of it again.
     */
    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        if (handle.isInTransaction()) return getDelegate().inTransaction(handle, callback);
        return super.inTransaction(handle, callback);
    }

    @Override
    protected boolean isSqlState(String expected, Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && (expected.equals(e.getSQLState())
                    || e.getErrorCode() == ER_LOCK_DEADLOCK || e.getErrorCode() == ER_AUTOINC_READ_FAILED)) {
                return true;
            }
        }
        return false;
    }
}
