package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.goodword.support.AppExtension;
import io.goodword.support.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The web layer every public request crosses: token-page headers, the request log, static files, HEAD. */
class PublicHotPathIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static final String TOKEN = "Zx9TokenThatMustNeverReachTheLog_0123456789"; // 43 characters, like a real one

    @Test
    void every_token_link_is_sent_with_no_store_and_no_referrer() {
        for (String prefix : List.of("/c/", "/u/", "/approve/", "/password/reset/", "/testimonial/edit/")) {
            Http.Response r = app.http().get(prefix + TOKEN);
            assertThat(r.header("Cache-Control")).as(prefix).isEqualTo("no-store");
            assertThat(r.header("Referrer-Policy")).as(prefix).isEqualTo("no-referrer");
        }
        // and only there: a public wall may be cached and sends the normal referrer policy
        assertThat(app.http().get("/login").header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void a_request_to_a_token_url_leaves_no_token_in_the_log() {
        Logger http = (Logger) LoggerFactory.getLogger("goodword.http");
        Level before = http.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        http.addAppender(captured);
        http.setLevel(Level.DEBUG); // the full access log, the most that is ever written
        try {
            Http visitor = app.http();
            for (String prefix : List.of("/c/", "/u/", "/approve/", "/password/reset/", "/testimonial/edit/")) {
                visitor.get(prefix + TOKEN);
            }
            visitor.post("/testimonial/edit/" + TOKEN + "/withdraw", Map.of());
            visitor.post("/password/reset/" + TOKEN, Map.of("password", "x", "confirm", "x"));
            // the log line is written after the response went out: wait until the last one is there
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines(captured).stream().noneMatch(l -> l.startsWith("POST /password/reset/{token}"))
                    && System.nanoTime() < deadline) Thread.onSpinWait();
            List<String> lines = lines(captured);
            assertThat(lines).anyMatch(l -> l.startsWith("GET /password/reset/{token} "))
                    .anyMatch(l -> l.startsWith("POST /testimonial/edit/{token}/withdraw "))
                    .anyMatch(l -> l.startsWith("GET /c/{token} "));
            assertThat(String.join("\n", lines)).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12));
        } finally {
            http.setLevel(before);
            http.detachAppender(captured);
        }
    }

    private static List<String> lines(ListAppender<ILoggingEvent> a) {
        synchronized (a.list) {
            return a.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void static_files_have_content_hashed_names_and_are_cached_for_a_year() throws IOException {
        Document page = app.http().get("/login").html();
        String css = page.select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/css/app\\.[0-9a-f]{10}\\.css");
        Http.Response r = app.http().get(css);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(r.header("Content-Type")).startsWith("text/css");
        assertThat(r.header("Content-Security-Policy")).isNotNull(); // security headers on static files too
        String etag = r.header("ETag");
        assertThat(etag).isNotBlank();

        // conditional GET: the visitor's copy is current
        assertThat(app.http().get(css, Map.of("If-None-Match", etag)).status()).isEqualTo(304);

        // compressed once at start: the gzip body is exactly the plain one, compressed
        HttpResponse<byte[]> gz = bytes(css, Map.of("Accept-Encoding", "gzip"));
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(r.body());

        // the plain name still works for anything that saved it, but is revalidated
        Http.Response plain = app.http().get("/static/css/app.css");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(plain.body()).isEqualTo(r.body());
        assertThat(app.http().get("/static/css/nope.css").status()).isEqualTo(404);
        assertThat(app.http().get("/static/../logback.xml").status()).isEqualTo(404);
    }

    @Test
    void pages_have_an_icon_and_favicon_ico_exists() {
        Document page = app.http().get("/login").html();
        String icon = page.select("link[rel=icon]").attr("href");
        assertThat(icon).matches("/static/img/icon\\.[0-9a-f]{10}\\.svg");
        assertThat(app.http().get(icon).header("Content-Type")).startsWith("image/svg+xml");
        Http.Response ico = app.http().get("/favicon.ico");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.header("Content-Type")).isEqualTo("image/x-icon");
    }

    @Test
    void head_of_an_unknown_page_answers_404() {
        for (String path : List.of("/no/such/page", "/p/no-such-workspace-anywhere", "/static/css/nope.css")) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(app.http().uri(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<byte[]> known = send(HttpRequest.newBuilder(app.http().uri("/login"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(known.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<byte[]> bytes(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.http().uri(path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
