package io.goodword.data;

import io.goodword.support.Http;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts a form as the signed-in visitor and keeps the response as bytes (ZIP and JSON downloads). */
final class Downloads {
    record Download(int status, String contentType, String disposition, byte[] body) {}

    private Downloads() {}

    static Download post(Http http, String path) {
        String csrf = http.csrfToken();
        String cookie = "gw_session=" + http.cookie("gw_session") + "; gw_csrf=" + csrf;
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.uri(path))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                            .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
