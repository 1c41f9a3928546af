package io.goodword.ask;

import io.goodword.db.LowerCaseEnums;

/** The life of an ask: scheduled → sent → answered (or declined, expired, cancelled). */
public enum AskStatus {
    SCHEDULED, SENT, ANSWERED, DECLINED, EXPIRED, CANCELLED;

    public String db() { return LowerCaseEnums.value(this); }

    public static AskStatus parse(String s) {
        for (AskStatus v : values()) if (v.db().equals(s)) return v;
        return null;
    }

    /** Open asks block a new one for the same client. */
    public boolean open() { return this == SCHEDULED || this == SENT; }
}
