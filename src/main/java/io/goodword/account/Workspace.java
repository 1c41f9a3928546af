package io.goodword.account;

import io.goodword.web.Dates;
import java.time.Instant;
import java.time.ZoneId;

/** The tenant: a freelancer's public identity and settings. Every tenant-owned row points here. */
public record Workspace(long id, String slug, String displayName, String headline, String bio, String website,
                        String logoFile, String brandColor, String timeZone, String language,
                        Instant createdAt, Instant updatedAt) {

    /** The workspace's time zone (UTC when the setting no longer parses). */
    public ZoneId zone() { return Dates.zone(timeZone); }

    /** Times formatted in the workspace's zone and language (emails and pages in the workspace's own language). */
    public Dates dates() { return Dates.in(timeZone, language); }

    /** Public path of the logo, or null. */
    public String logoUrl() { return logoFile == null ? null : "/media/" + logoFile; }
}
