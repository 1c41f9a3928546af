package io.goodword.client;

import io.goodword.db.LowerCaseEnums;

/** Where a project stands. Completing one is a moment to check in with the client. */
public enum ProjectStatus {
    ACTIVE, COMPLETED, CANCELLED;

    public String db() { return LowerCaseEnums.value(this); }

    public static ProjectStatus parse(String s) {
        for (ProjectStatus v : values()) if (v.db().equals(s)) return v;
        return null;
    }
}
