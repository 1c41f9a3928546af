package io.goodword.referral;

/** What referral pages and emails show of the freelancer's workspace. */
public record WorkspaceRef(long id, String slug, String displayName, String language, String logoFile) {
    public String logoUrl() { return logoFile == null ? null : "/media/" + logoFile; }
}
