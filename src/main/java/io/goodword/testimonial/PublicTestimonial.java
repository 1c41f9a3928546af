package io.goodword.testimonial;

import java.time.Instant;
import io.goodword.web.Dates;
import io.goodword.web.Localizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A testimonial as the public may see it: only the fields the client consented to, never the email or the IP, and
 * the moderator's excerpt instead of the full text when there is one. Every public page (wall, single, widget, feed,
 * referral landing, case studies) is built from this record and nothing else; {@link PublicTestimonials} reads it.
 * Proof imported from another place carries its {@code platform} and link, shown as "From LinkedIn", and its date is
 * the day it was written there.
 */
public record PublicTestimonial(long id, int rating, String text, String name, String role, String company,
                                String website, String photoUrl, boolean verified, boolean featured, String reply,
                                LocalDate date, List<String> tags, String verifiedProject, YearMonth verifiedOn,
                                Platform platform, String sourceUrl) {

    /**
     * Empty when the testimonial may not be shown at all. The name is shown as its author allows (in full, first
     * name and initial, or not at all: "" and no photo); a verified one names the engagement it was given for.
     */
    public static Optional<PublicTestimonial> of(Testimonial t, List<String> tags) {
        if (!t.isPublic()) return Optional.empty();
        String excerpt = t.excerpt() == null || t.excerpt().isBlank() ? null : t.excerpt();
        Instant when = t.approvedAt() != null ? t.approvedAt() : t.createdAt();
        LocalDate day = t.originalDate() != null ? t.originalDate() : when == null ? null : LocalDate.ofInstant(when, ZoneOffset.UTC);
        NameDisplay display = NameDisplay.parse(t.nameDisplay());
        boolean photo = t.consentShowPhoto() && display != NameDisplay.ANONYMOUS;
        return Optional.of(new PublicTestimonial(t.id(), shownRating(t.rating()), excerpt != null ? excerpt : t.body(),
                display.shown(t.name()), t.role(), t.consentShowCompany() ? t.company() : "",
                t.consentShowCompany() ? t.website() : "", photo ? t.photoUrl() : null, t.verified(), t.featured(),
                t.reply() == null || t.reply().isBlank() ? null : t.reply(),
                day, List.copyOf(tags),
                t.verified() ? t.projectTitle() : null,
                t.verifiedOn(),
                t.originPlatform(), t.originPlatform() == null ? null : t.sourceUrl()));
    }

    /** "Verified client · Website redesign, March 2026" (or "Verified client" without an engagement), in t's language. */
    public String verifiedBadge(Localizer t) {
        if (verifiedProject == null || verifiedProject.isBlank() || verifiedOn == null) return t.text("testimonial.verified");
        return t.text("testimonial.verifiedEngagement", verifiedProject, Dates.in("UTC", t).month(verifiedOn));
    }

    /** The name to print: the author's, or "Anonymous" in t's language. */
    public String shownName(Localizer t) { return name.isBlank() ? t.text("testimonial.anonymous") : name; }

    /**
     * Ratings are 1 to 5; a stored value outside (an imported archive, a hand-edited row) is shown at the nearest
     * bound rather than breaking the page for every visitor.
     */
    public static int shownRating(int rating) { return Math.max(1, Math.min(5, rating)); }

    /** "★★★★☆" for a rating, clamped like {@link #shownRating}. */
    public static String stars(int rating) {
        int r = shownRating(rating);
        return "★".repeat(r) + "☆".repeat(5 - r);
    }

    /** "Designer, Acme" or "Designer" or "". */
    public String byline() {
        if (!role.isBlank() && !company.isBlank()) return role + ", " + company;
        return role.isBlank() ? company : role;
    }

    /** "Ada, Designer, Acme": who said it, as a quote's caption. */
    public String attribution() { return byline().isEmpty() ? name : name + ", " + byline(); }

    public String stars() { return stars(rating); }

    public String initial() { return name.isBlank() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(); }
}
