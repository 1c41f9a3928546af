package io.goodword.testimonial;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.goodword.account.Brand;
import java.util.List;

/**
 * schema.org JSON-LD of the wall (the freelancer's service with its rating and reviews) and of one testimonial, as
 * records written through {@link io.goodword.web.SafeJson#scriptBody}. Absent values are left out, not null.
 */
final class StructuredData {
    private static final String CONTEXT = "https://schema.org";

    private StructuredData() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Service(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String name,
                   String url, String description, String image, AggregateRating aggregateRating, List<Review> review) {}

    record AggregateRating(@JsonProperty("@type") String type, String ratingValue, long reviewCount, int bestRating,
                           int worstRating) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Review(@JsonProperty("@context") String context, @JsonProperty("@type") String type, Person author,
                  Rating reviewRating, String reviewBody, String datePublished, String url, Subject itemReviewed,
                  Organization publisher) {}

    /** The site an imported review was first published on. */
    record Organization(@JsonProperty("@type") String type, String name) {}

    record Person(@JsonProperty("@type") String type, String name) {}

    record Rating(@JsonProperty("@type") String type, int ratingValue, int bestRating, int worstRating) {}

    record Subject(@JsonProperty("@type") String type, String name, String url) {}

    /** The wall: the service, and its reviews when it has any. */
    static Service wall(Brand b, String baseUrl, PublicTestimonials.Aggregate agg, List<PublicTestimonial> items) {
        boolean rated = agg.count() > 0;
        return new Service(CONTEXT, "ProfessionalService", b.name(), baseUrl + b.wallUrl(),
                b.headline().isBlank() ? null : b.headline(), b.logoUrl() == null ? null : baseUrl + b.logoUrl(),
                rated ? new AggregateRating("AggregateRating", average(agg), agg.count(), 5, 1) : null,
                rated ? items.stream().map(p -> review(b, baseUrl, p, false)).toList() : null);
    }

    /**
     * One testimonial; on its own page it names what it reviews. An imported review keeps the day it was written on
     * its platform (PublicTestimonial#date) and names that platform as its publisher.
     */
    static Review review(Brand b, String baseUrl, PublicTestimonial p, boolean standalone) {
        return new Review(standalone ? CONTEXT : null, "Review", new Person("Person", p.name().isBlank() ? "Anonymous" : p.name()),
                new Rating("Rating", p.rating(), 5, 1), p.text(), p.date() == null ? null : p.date().toString(),
                baseUrl + b.testimonialUrl(p.id()),
                standalone ? new Subject("ProfessionalService", b.name(), baseUrl + b.wallUrl()) : null,
                p.platform() == null || p.platform().brand() == null ? null : new Organization("Organization", p.platform().brand()));
    }

    /** "4.7", or "" when nothing is rated yet. */
    static String average(PublicTestimonials.Aggregate agg) {
        return agg.count() == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", agg.average());
    }
}
