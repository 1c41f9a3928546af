package io.goodword.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A visitor with its own cookie jar, speaking real HTTP to the started portal. Form posts carry the CSRF token
 * the way a browser does (the cookie plus the hidden field), unless a test asks to leave it out.
 */
public final class Http {
    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public Document html() { return Jsoup.parse(body); }

        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        public String location() { return header("Location"); }
    }

    public Response get(String path) { return send(HttpRequest.newBuilder(uri(path)).GET()); }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** A GET whose body stays bytes (pictures, downloads), with this visitor's cookies. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with a valid CSRF token (fetching one first if this visitor has none yet). */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrfToken());
        return postRaw(path, withToken);
    }

    /** Posts exactly these fields: no CSRF token is added. */
    public Response postRaw(String path, Map<String, String> form) { return postRaw(path, form, Map.of()); }

    /** Posts a form with a valid CSRF token and extra request headers (e.g. X-Forwarded-For). */
    public Response post(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrfToken());
        return postRaw(path, withToken, headers);
    }

    private Response postRaw(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    /** Posts multipart/form-data (for uploads); files are given as name → (filename, bytes). */
    public Response postMultipart(String path, Map<String, String> fields, Map<String, Multipart.FilePart> files) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrfToken());
        Multipart mp = new Multipart(withToken, files);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", mp.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(mp.bytes())));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The visitor's CSRF cookie value; loads the sign-in page once to get one. */
    public String csrfToken() {
        String token = cookie("gw_csrf");
        if (token == null) {
            get("/login");
            token = cookie("gw_csrf");
        }
        return token;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Copies a cookie into this visitor's jar (e.g. to replay a session on a second portal process). */
    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), c);
    }

    public URI uri(String path) { return URI.create(path.startsWith("http") ? path : baseUrl + path); }

    private static String enc(String s) { return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8); }
}
