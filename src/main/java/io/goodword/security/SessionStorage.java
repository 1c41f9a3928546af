package io.goodword.security;

import io.goodword.Config;
import javax.sql.DataSource;
import org.eclipse.jetty.server.session.DatabaseAdaptor;
import org.eclipse.jetty.server.session.DefaultSessionIdManager;
import org.eclipse.jetty.server.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.server.session.NullSessionCache;
import org.eclipse.jetty.server.session.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * HTTP sessions kept in MariaDB (Jetty's JDBC session store, no in-memory cache), so a sign-in survives a
 * restart and any portal process sharing the database accepts the cookie.
 */
public final class SessionStorage {
    public static final String COOKIE = "gw_session";

    private SessionStorage() {}

    public static SessionHandler handler(DataSource dataSource, Config config) {
        SessionHandler handler = new SessionHandler();
        NullSessionCache cache = new NullSessionCache(handler);
        cache.setSaveOnCreate(true);
        cache.setFlushOnResponseCommit(true);

        DatabaseAdaptor adaptor = new DatabaseAdaptor();
        adaptor.setDatasource(dataSource);
        JDBCSessionDataStoreFactory factory = new JDBCSessionDataStoreFactory();
        factory.setDatabaseAdaptor(adaptor);
        org.eclipse.jetty.server.session.JDBCSessionDataStore.SessionTableSchema schema =
                new org.eclipse.jetty.server.session.JDBCSessionDataStore.SessionTableSchema();
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
        factory.setSessionTableSchema(schema);
        factory.setGracePeriodSec(3600);
        factory.setSavePeriodSec(60); // last-access bookkeeping at most once a minute per session
        cache.setSessionDataStore(factory.getSessionDataStore(handler));
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
