package io.goodword.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A workspace's webhook: where to POST, which events ({@code events}: their wire names, comma-separated), the secret. */
public record Endpoint(long id, long workspaceId, String url, String events, String signingSecret, boolean paused,
                       Instant createdAt, Instant secretRotatedAt) {

    public List<String> eventList() { return Arrays.stream(events.split(",")).filter(s -> !s.isBlank()).toList(); }

    /** The host alone, for the audit log: a URL's path and query may hold the receiver's own secret (Slack, Zapier). */
    String host() {
        String h = SafeResolver.host(url);
        return h == null ? "?" : h;
    }
}
