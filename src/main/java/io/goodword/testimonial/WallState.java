package io.goodword.testimonial;

import java.time.Instant;

/** What decides whether a cached public page is still current: the workspace's wall version and last update. */
public record WallState(long id, String slug, long wallVersion, Instant updatedAt) {
    public String stamp() { return wallVersion + "-" + updatedAt.toEpochMilli() + "-" + updatedAt.getNano(); }
}
