package io.goodword.testimonial;

import java.time.Instant;

/**
 * One row of the consent ledger: what was given or revoked, under which wording, when and how, and where the row comes
 * from ({@link ConsentProvenance}: an archive whose signature did not verify makes it unverified).
 */
public record ConsentRecord(long id, String kind, boolean granted, String choice, String wordingVersion, String channel,
                            String givenBy, Instant createdAt, String provenance) {
    /** Brought in by an unsigned or foreign workspace archive: what it says was given is not proven. */
    public boolean unverified() { return ConsentProvenance.UNVERIFIED.db().equals(provenance); }

    /** Whether the history needs its note on unverified rows. */
    public static boolean anyUnverified(java.util.List<ConsentRecord> ledger) {
        return ledger.stream().anyMatch(ConsentRecord::unverified);
    }

    /** The message key of what was consented to (testimonial.consent.kind.*). */
    public String kindKey() { return "testimonial.consent.kind." + kind; }

    public String channelKey() { return "testimonial.consent.channel." + channel; }

    /** The message key of the answer: yes/no, or the chosen name display. */
    public String answerKey() {
        return choice != null ? "testimonial.consent.name." + choice : granted ? "testimonial.consent.granted" : "testimonial.consent.refused";
    }
}
