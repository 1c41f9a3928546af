package io.goodword.ask;

import java.util.Locale;

/** The wording of one kind of email, as the freelancer edited it. */
public record AskTemplate(long workspaceId, String kind, String subject, String body) {

    /** The emails whose wording a workspace can change. */
    public enum Kind {
        CHECKIN, REMINDER, THANKYOU, ALERT;

        public String db() { return name().toLowerCase(Locale.ROOT); }

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.db().equals(s)) return k;
            return null;
        }
    }
}
