package io.goodword.security;

import io.goodword.Config;
import io.goodword.db.Sql;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.session.DatabaseAdaptor;
import org.eclipse.jetty.server.session.JDBCSessionDataStore;
import org.eclipse.jetty.server.session.NullSessionCache;
import org.eclipse.jetty.server.session.SessionData;
import org.eclipse.jetty.server.session.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP sessions kept in MariaDB (Jetty's JDBC session store, no in-memory cache), so a sign-in survives a
 * restart and any portal process sharing the database accepts the cookie.
 *
 * <p>While the database is away, Jetty's own handler would log the store's failure with a stack trace and carry on
 * as if the visitor had no session: a signed-in owner is sent to /login (and a new, empty session would replace the
 * cookie, signing them out). So a load that fails because the database is unreachable is remembered on the request
 * ({@link #requireReadable}) and the pages that need the session answer the same 503 + Retry-After as any other
 * request that needs the database; the cookie and the stored session stay as they are.
 */
public final class SessionStorage {
    public static final String COOKIE = "gw_session";
    private static final Logger log = LoggerFactory.getLogger(SessionStorage.class);
    /** Request attribute: the session store could not be reached while reading this request's session. */
    static final String UNAVAILABLE_ATTR = "gw.sessionStoreUnavailable";

    private SessionStorage() {}

    /** The session store could not be read; a 503 (ErrorPages, through Sql.isUnavailable on the cause). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) { super("session store unavailable", cause); }
    }

    /**
     * Throws {@link Unavailable} when this request carried a session cookie whose session could not be loaded
     * because the database was unreachable: the visitor may well be signed in, so neither "anonymous" nor a new
     * session is a safe answer.
     */
    public static void requireReadable(Context ctx) {
        if (ctx.req().getAttribute(UNAVAILABLE_ATTR) instanceof Throwable t) throw new Unavailable(t);
    }

    /** Jetty's JDBC store, except that an unreachable database is reported to the request instead of logged as a bug. */
    private static final class OutageAwareStore extends JDBCSessionDataStore {
        /** The failure of the load running on this thread (loads run on the request's thread, in checkRequestedSessionId). */
        private final ThreadLocal<Exception> failedLoad = new ThreadLocal<>();

        @Override
        public SessionData doLoad(String id) throws Exception {
            try {
                return super.doLoad(id);
            } catch (Exception e) {
                if (!Sql.isUnavailable(e)) throw e;
                failedLoad.set(e);
                return null; // Jetty then sees no session (and logs nothing); the request is marked, see OutageAwareHandler
            }
        }

        @Override
        public void doStore(String id, SessionData data, long lastSaveTime) throws Exception {
            try {
                super.doStore(id, data, lastSaveTime);
            } catch (Exception e) {
                if (!Sql.isUnavailable(e)) throw e;
                // Only bookkeeping (last access) can be pending here: every page that changes a session needs the
                // database first and answered 503. One line, no stack trace: an outage, not a bug.
                log.warn("session not saved, the database is unavailable: {}", e.getMessage());
            }
        }

        Exception takeFailedLoad() {
            Exception e = failedLoad.get();
            failedLoad.remove();
            return e;
        }
    }

    private static final class OutageAwareHandler extends SessionHandler {
        private final OutageAwareStore store;

        OutageAwareHandler(OutageAwareStore store) { this.store = store; }

        @Override
        protected void checkRequestedSessionId(Request baseRequest, HttpServletRequest request) {
            store.takeFailedLoad();
            super.checkRequestedSessionId(baseRequest, request);
            Exception failed = store.takeFailedLoad();
            if (failed != null) request.setAttribute(UNAVAILABLE_ATTR, failed);
        }
    }

    public static SessionHandler handler(DataSource dataSource, Config config) {
        OutageAwareStore store = new OutageAwareStore();
        SessionHandler handler = new OutageAwareHandler(store);
        NullSessionCache cache = new NullSessionCache(handler);
        cache.setSaveOnCreate(true);
        cache.setFlushOnResponseCommit(true);

        DatabaseAdaptor adaptor = new DatabaseAdaptor();
        adaptor.setDatasource(dataSource);
        store.setDatabaseAdaptor(adaptor);
        JDBCSessionDataStore.SessionTableSchema schema = new JDBCSessionDataStore.SessionTableSchema();
        schema.setTableName("http_sessions");
        schema.setIdColumn("session_id");
        schema.setContextPathColumn("context_path");
        schema.setVirtualHostColumn("virtual_host");
        schema.setLastNodeColumn("last_node");
        schema.setAccessTimeColumn("access_time");
        schema.setLastAccessTimeColumn("last_access_time");
        schema.setCreateTimeColumn("create_time");
        schema.setCookieTimeColumn("cookie_time");
        schema.setLastSavedTimeColumn("last_saved_time");
        schema.setExpiryTimeColumn("expiry_time");
        schema.setMaxIntervalColumn("max_interval");
        schema.setMapColumn("session_data");
        store.setSessionTableSchema(schema);
        store.setGracePeriodSec(3600);
        store.setSavePeriodSec(60); // last-access bookkeeping at most once a minute per session
        cache.setSessionDataStore(store);
        handler.setSessionCache(cache);

        handler.setSessionCookie(COOKIE);
        handler.setHttpOnly(true);
        handler.setSameSite(HttpCookie.SameSite.LAX);
        handler.setSecureRequestOnly(false);
        handler.getSessionCookieConfig().setSecure(config.secureCookies());
        handler.setMaxInactiveInterval(14 * 24 * 3600); // two weeks of inactivity signs out
        handler.setSessionTrackingModes(java.util.Set.of(jakarta.servlet.SessionTrackingMode.COOKIE));
        return handler;
    }
}
