package io.goodword.web;

import io.goodword.support.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop finishes the requests still arriving and closes the keep-alive connections that wait for nothing at once,
 * instead of holding the stop until their shutdown idle timeout (5 s) runs out.
 */
class GracefulStopIT {
    private static final byte[] BODY = "username=slow%40example.com&password=abcdefghijk".getBytes(StandardCharsets.US_ASCII);

    @Test
    void an_idle_keep_alive_connection_is_closed_at_once_while_a_request_still_arriving_is_answered() throws Exception {
        TestApp app = TestApp.start();
        int port = Integer.parseInt(app.config().baseUrl().replaceAll(".*:", ""));
        try (Socket idle = new Socket("127.0.0.1", port); Socket slow = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout(30_000);
            slow.setSoTimeout(30_000);
            send(idle, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponse(idle.getInputStream())).startsWith("HTTP/1.1 200");

            // A form post whose body is only partly here when the stop begins.
            send(slow, ("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + BODY.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().write(BODY, 0, 10);
            slow.getOutputStream().flush();
            // Stop only once the post is in the server's hands: on a busy machine the stop could otherwise begin
            // before Jetty had read its headers, and a graceful stop rightly refuses a request it has not begun.
            StatisticsHandler stats = (StatisticsHandler) app.app().web().jettyServer().server().getHandler();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stats.getRequestsActive() == 0 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(stats.getRequestsActive()).as("the post is being read when the stop begins").isEqualTo(1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
            CompletableFuture<Integer> idleEnds = CompletableFuture.supplyAsync(() -> readByte(idle));
            // The rest of the body trickles in, a byte every 100 ms (3.8 s, under the 5 s shutdown idle timeout, so
            // each byte keeps the post alive). The idle connection must end before the body does: before, it was
            // held until the timeout ran out, after the whole body had arrived.
            for (int i = 10; i < BODY.length - 1; i++) {
                Thread.sleep(100);
                slow.getOutputStream().write(BODY[i]);
                slow.getOutputStream().flush();
            }
            assertThat(idleEnds).as("the idle keep-alive connection was closed while the post still arrived").isDone();
            assertThat(idleEnds.get()).isEqualTo(-1);
            assertThat(stopping).as("the stop still waits for the post").isNotDone();
            send(slow, new byte[] {BODY[BODY.length - 1]});
            // Read and judged like any other request: refused for its missing CSRF token, not cut off.
            assertThat(readResponse(slow.getInputStream())).startsWith("HTTP/1.1 403");
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    private static int readByte(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** The status line and headers, and then exactly Content-Length bytes of body, leaving the connection open. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed in the headers: " + head);
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(headers);
        assertThat(length.find()).as("a response with a Content-Length: %s", headers).isTrue();
        assertThat(in.readNBytes(Integer.parseInt(length.group(1)))).hasSize(Integer.parseInt(length.group(1)));
        return headers;
    }
}
