package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;

/** The consents a person gives with a testimonial; each is recorded in the ledger and can be revoked. */
public enum ConsentKind {
    PUBLISH, NAME, PHOTO, COMPANY, CASE_STUDY, REFERENCE;

    public String db() { return LowerCaseEnums.value(this); }
}
