package io.goodword.casestudy;

/** The state of one approval request sent to a client. */
public enum ApprovalStatus {
    PENDING, APPROVED, CHANGES_REQUESTED, SUPERSEDED;

    public String key() { return "casestudy.approval.status." + name().toLowerCase(java.util.Locale.ROOT); }

    public boolean answered() { return this == APPROVED || this == CHANGES_REQUESTED; }
}
