package io.goodword.account;

import java.time.Instant;

/** The tenant: a freelancer's public identity and settings. Every tenant-owned row points here. */
public record Workspace(long id, String slug, String displayName, String headline, String bio, String website,
                        String logoFile, String brandColor, String timeZone, String language,
                        Instant createdAt, Instant updatedAt) {

    /** Public path of the logo, or null. */
    public String logoUrl() { return logoFile == null ? null : "/media/" + logoFile; }
}
