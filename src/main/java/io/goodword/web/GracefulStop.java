package io.goodword.web;

import io.javalin.Javalin;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Server;

/**
 * How the server's connections end when the portal stops: a request still arriving or being answered is finished,
 * a keep-alive connection waiting for the next request is closed at once.
 *
 * <p>Jetty 11's graceful stop waits for every connection to close and closes an idle one only when its shutdown idle
 * timeout runs out. That timeout is 5 s here (Jetty's default of 1 s cuts a phone whose form body pauses, a 500),
 * so any open browser tab, or a test's HTTP client, held each stop for 5 s. While the server stops, this closes
 * every 50 ms each connection that is between requests (nothing read of a next one, none being answered); a client
 * that sends on a closed keep-alive connection opens a new one, as it does after any idle timeout.
 */
final class GracefulStop {
    /** How long a stopping server keeps a connection whose request has stopped arriving. */
    static final long SHUTDOWN_IDLE_MILLIS = 5_000;
    private static final long SWEEP_MILLIS = 50;

    private GracefulStop() {}

    static void configure(Javalin app) {
        app.events(e -> {
            e.serverStarted(() -> {
                for (Connector connector : app.jettyServer().server().getConnectors()) {
                    if (connector instanceof AbstractConnector ac) ac.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
                }
            });
            e.serverStopping(() -> sweep(app.jettyServer().server()));
        });
    }

    /** Closes the idle connections, then again every 50 ms until the connectors stop (requests end meanwhile). */
    private static void sweep(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof HttpConnection http && betweenRequests(endPoint, http)) {
                    endPoint.close();
                }
            }
        }
        Connector first = server.getConnectors().length > 0 ? server.getConnectors()[0] : null;
        if (first == null || !first.isRunning()) return;
        try {
            first.getScheduler().schedule(() -> sweep(server), SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the connectors' scheduler has stopped: so has every connection
        }
    }

    /** No byte of a next request read or waiting in the buffer, no request being handled, quiet for a sweep. */
    private static boolean betweenRequests(EndPoint endPoint, HttpConnection http) {
        return http.getParser().isStart() && http.isRequestBufferEmpty()
                && http.getHttpChannel().getState().isIdle()
                && (!(endPoint instanceof IdleTimeout idle) || idle.getIdleFor() >= SWEEP_MILLIS);
    }
}
