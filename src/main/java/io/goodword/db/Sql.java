package io.goodword.db;

import java.sql.SQLException;

/** Translation of SQL errors into what the domain understands, in one place. */
public final class Sql {
    private Sql() {}

    /**
     * True when the failure comes from not reaching the database (stopped, unreachable, pool exhausted, a read that
     * timed out), not from the statement itself: a 503 to retry later, not a bug. SQLState class 08 is "connection
     * exception"; Hikari reports an exhausted wait as SQLTransientConnectionException, Jdbi wraps it in
     * ConnectionException.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.jdbi.v3.core.ConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The innermost cause as "Type: message", for a one-line log of an outage (no stack trace). */
    public static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Which unique key was violated, e.g. "uq_workspace_slug", or "" when unknown. */
    public static String violatedKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == 1062 && s.getMessage() != null) {
                String m = s.getMessage();
                int i = m.lastIndexOf("for key '");
                if (i >= 0) {
                    String key = m.substring(i + 9, m.indexOf('\'', i + 9));
                    int dot = key.lastIndexOf('.');
                    return dot >= 0 ? key.substring(dot + 1) : key;
                }
            }
        }
        return "";
    }
}
