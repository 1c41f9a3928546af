package io.goodword.referral;

import io.goodword.web.SitePaths;

/** What referral pages and emails show of the freelancer's workspace. */
public record WorkspaceRef(long id, String slug, String displayName, String language, String logoFile) {
    public String logoUrl() { return logoFile == null ? null : "/media/" + logoFile; }

    /** Unversioned (this record has no change time), so the theme endpoint has it revalidated. */
    public String themeUrl() { return SitePaths.theme(slug); }
}
