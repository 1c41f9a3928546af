package io.goodword.webhook;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs one signed body (Apache HttpClient 5): through {@link SafeResolver}, so it connects only to checked addresses;
 * no proxy, no cookies, no redirects (a 3xx is an answer like any other, and not a 2xx); at most
 * {@link #CONNECT_SECONDS} to connect and {@link #TOTAL_SECONDS} for the whole exchange, after which the request is
 * aborted, however slowly the receiver drips its answer. The answer's body is never read.
 */
final class WebhookSender implements AutoCloseable {
    static final int CONNECT_SECONDS = 5;
    static final int TOTAL_SECONDS = 10;
    static final String USER_AGENT = "Goodword-Webhooks/1";

    /** The receiver's status code (0: none came), or why there was none. */
    record Result(int status, String error) {
        boolean delivered() { return status >= 200 && status < 300; }
    }

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "goodword-webhook-deadline");
        t.setDaemon(true);
        return t;
    });

    WebhookSender(SafeResolver resolver) {
        ConnectionConfig connection = ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(CONNECT_SECONDS))
                .setSocketTimeout(Timeout.ofSeconds(TOTAL_SECONDS)).build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(resolver)
                        .setDefaultConnectionConfig(connection).setMaxConnPerRoute(2).setMaxConnTotal(20).build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.ofSeconds(CONNECT_SECONDS))
                        .setResponseTimeout(Timeout.ofSeconds(TOTAL_SECONDS)).build())
                .disableRedirectHandling().disableCookieManagement().disableAuthCaching().disableAutomaticRetries()
                .setUserAgent(USER_AGENT).build();
    }

    Result post(String url, String event, String deliveryId, String signature, String body) {
        HttpPost post;
        try {
            post = new HttpPost(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new Result(0, "bad URL");
        }
        post.setHeader("User-Agent", USER_AGENT);
        post.setHeader("Goodword-Event", event);
        post.setHeader("Goodword-Delivery", deliveryId);
        post.setHeader("Goodword-Signature", signature);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, TOTAL_SECONDS, TimeUnit.SECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int code = response.getCode();
            return new Result(code, code >= 200 && code < 300 ? null : "HTTP " + code);
        } catch (SafeResolver.Refused e) {
            return new Result(0, "refused: the host resolves to a non-public address");
        } catch (IOException | RuntimeException e) {
            return new Result(0, post.isCancelled() ? "timed out after " + TOTAL_SECONDS + " s" : describe(e));
        } finally {
            deadline.cancel(false);
        }
    }

    private static String describe(Exception e) {
        String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return m.length() > 250 ? m.substring(0, 250) : m;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing left to send
        }
    }
}
