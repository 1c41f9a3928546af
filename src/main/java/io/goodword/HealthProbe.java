package io.goodword;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Container health check without curl in the image: exits 0 when /healthz answers 200. */
public final class HealthProbe {
    private HealthProbe() {}

    public static void main(String[] args) throws Exception {
        String port = System.getenv().getOrDefault("PORT", "7070");
        HttpResponse<Void> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(4)).build(),
                HttpResponse.BodyHandlers.discarding());
        System.exit(r.statusCode() == 200 ? 0 : 1);
    }
}
