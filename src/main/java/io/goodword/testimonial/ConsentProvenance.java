package io.goodword.testimonial;

import io.goodword.db.LowerCaseEnums;

/**
 * Where a consent-ledger row comes from (V67): recorded here (or in this installation's own signed export), or brought
 * in by a workspace archive whose signature did not verify, so nothing proves it was given. An unverified row is
 * shown as such and never makes a testimonial verified.
 */
public enum ConsentProvenance {
    HERE, UNVERIFIED;

    public String db() { return LowerCaseEnums.value(this); }
}
