package io.goodword.ask;

import io.goodword.db.LowerCaseEnums;

/** The steps of the client's flow behind one personal link. */
public enum Step {
    SCORE, THANKS, TESTIMONIAL, REFERRAL, FEEDBACK, DONE;

    public String db() { return LowerCaseEnums.value(this); }

    public static Step parse(String s) {
        for (Step v : values()) if (v.db().equals(s)) return v;
        return null;
    }
}
