package io.goodword.ask;

import io.goodword.db.LowerCaseEnums;

/** The wording of one kind of email, as the freelancer edited it. */
public record AskTemplate(long workspaceId, String kind, String subject, String body) {

    /** The emails whose wording a workspace can change. */
    public enum Kind {
        CHECKIN, REMINDER, THANKYOU, ALERT;

        public String db() { return LowerCaseEnums.value(this); }

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.db().equals(s)) return k;
            return null;
        }
    }
}
