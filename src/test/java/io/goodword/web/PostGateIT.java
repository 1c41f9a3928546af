package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More form posts than the database pool can serve: the extra ones are told "busy, send it again" (429 with
 * Retry-After, nothing stored) within seconds, instead of queueing until the pool gives up with a false "database
 * unavailable" 503. Posts whose bodies are still arriving hold every turn, as slow phones under load would.
 */
class PostGateIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    private static final byte[] BODY = "username=slow%40example.com&password=abcdefghijk".getBytes(StandardCharsets.US_ASCII);

    /** A sign-in post whose headers and first bytes are sent; the rest comes with {@link #finish}. */
    private static Socket startSlowPost() throws Exception {
        Socket s = new Socket("127.0.0.1", app.config().port());
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + BODY.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(BODY, 0, 10);
        out.flush();
        return s;
    }

    private static String finish(Socket s) throws Exception {
        try (s) {
            s.getOutputStream().write(BODY, 10, BODY.length - 10);
            s.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void posts_beyond_what_the_portal_can_work_on_are_told_to_come_back_and_the_rest_are_served() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < PostGate.PERMITS; i++) slow.add(startSlowPost());
        Http visitor = app.http();
        // The slow posts take their turns as Jetty dispatches them; a probe that still finds one free is answered at
        // once (403: it has no CSRF token) and gives its turn back. Once every turn is held, the probe waits, then 429.
        Http.Response refused = null;
        long until = System.nanoTime() + 60_000_000_000L;
        while (refused == null && System.nanoTime() < until) {
            Http.Response r = visitor.postRaw("/login", Map.of("username", "probe@example.com", "password", "whatever it is"));
            if (r.status() == 429) refused = r;
            else assertThat(r.status()).as("a probe with a free turn is judged as usual").isEqualTo(403);
        }
        assertThat(refused).as("every turn was taken by a slow post").isNotNull();
        assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(PostGate.RETRY_AFTER_SECONDS));
        assertThat(refused.html().select("h1").text()).isEqualTo("Very busy right now");
        assertThat(refused.body()).contains("send it again in a few seconds");
        assertThat(app.http().get("/healthz").status()).as("reading is not held up").isEqualTo(200);

        for (Socket s : slow) assertThat(finish(s)).as("each slow post is finished").startsWith("HTTP/1.1 403");
        assertThat(visitor.postRaw("/login", Map.of("username", "probe@example.com", "password", "whatever it is")).status())
                .as("turns are given back").isEqualTo(403);
    }
}
