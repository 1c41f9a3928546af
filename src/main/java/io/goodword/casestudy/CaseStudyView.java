package io.goodword.casestudy;

import io.goodword.testimonial.PublicTestimonial;
import io.goodword.web.SafeHtml;
import java.util.List;

/** A case study ready to render, the same way on the public page, in the preview and on the client's approval page. */
public record CaseStudyView(String title, String client, String industry, String services, String summary,
                            SafeHtml challenge, SafeHtml approach, SafeHtml results, List<KeyResult> keyResults,
                            String coverUrl, List<PublicTestimonial> testimonials, String ctaText, String ctaUrl) {

    /** The HTML parts were sanitized when the version was saved (or the preview was made). */
    public static CaseStudyView of(CaseStudyContent c, List<PublicTestimonial> cards) {
        // keep the author's order of the linked testimonials; drop any that were withdrawn since
        List<PublicTestimonial> ordered = c.testimonialIds().stream()
                .flatMap(id -> cards.stream().filter(t -> t.id() == id).findFirst().stream()).toList();
        return new CaseStudyView(c.title(), c.clientShown(), c.industry(), c.services(), c.summary(),
                SafeHtml.alreadySanitized(c.challengeHtml()), SafeHtml.alreadySanitized(c.approachHtml()),
                SafeHtml.alreadySanitized(c.resultsHtml()), c.keyResults(), c.coverUrl(), ordered, c.ctaText(),
                c.ctaUrl());
    }

    public boolean hasChallenge() { return !challenge.html().isBlank(); }

    public boolean hasApproach() { return !approach.html().isBlank(); }

    public boolean hasResults() { return !results.html().isBlank(); }

    public boolean hasCta() { return ctaText != null && !ctaText.isBlank() && ctaUrl != null && !ctaUrl.isBlank(); }

    public boolean hasFacts() {
        return !client.isBlank() || !industry.isBlank() || !services.isBlank();
    }
}
