package io.goodword.casestudy;

/** Where a case study is in its life: only PUBLISHED ones reach the public pages. */
public enum CaseStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String key() { return "casestudy.status." + name().toLowerCase(java.util.Locale.ROOT); }
}
