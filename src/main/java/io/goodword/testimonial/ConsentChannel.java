package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;

/**
 * How a consent reached the ledger: the open form, a personal link (check-in, the author's private link, a
 * confirmation), an import, typed in by the freelancer on the author's word, or carried over from before the ledger.
 */
public enum ConsentChannel {
    FORM, LINK, IMPORT, MANUAL, LEGACY;

    public String db() { return LowerCaseEnums.value(this); }

    static ConsentChannel of(TestimonialSource source) {
        return switch (source) {
            case FORM -> FORM;
            case LINK -> LINK;
            case IMPORT -> IMPORT;
            case MANUAL -> MANUAL;
        };
    }
}
