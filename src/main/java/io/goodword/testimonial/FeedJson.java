package io.goodword.testimonial;

import io.goodword.account.Brand;
import java.util.List;

/** The public JSON feed, /p/{slug}/testimonials.json: one page of the wall for other sites to show. */
public record FeedJson(String name, String url, Double ratingAverage, long ratingCount, int page, int pages, String next,
                       List<Item> testimonials) {

    /**
     * One testimonial of the feed; absolute URLs, since the reader is another site. {@code source} is the platform an
     * imported review was first published on (null for words given here), {@code sourceUrl} the review there.
     */
    public record Item(long id, String url, int rating, String text, String name, String role, String company,
                       String website, String photoUrl, boolean verified, boolean featured, String reply, String date,
                       List<String> tags, String source, String sourceUrl) {}

    static FeedJson of(Brand b, String baseUrl, PublicTestimonials.Aggregate agg, int page, int pages,
                       List<PublicTestimonial> items) {
        String wall = baseUrl + b.wallUrl();
        return new FeedJson(b.name(), wall, agg.count() == 0 ? null : Math.round(agg.average() * 10) / 10.0, agg.count(),
                page, pages, page < pages ? wall + "/testimonials.json?page=" + (page + 1) : null,
                items.stream().map(p -> new Item(p.id(), baseUrl + b.testimonialUrl(p.id()), p.rating(), p.text(), p.name(), p.role(),
                        p.company(), p.website(), p.photoUrl() == null ? null : baseUrl + p.photoUrl(), p.verified(),
                        p.featured(), p.reply(), p.date() == null ? null : p.date().toString(), p.tags(),
                        p.platform() == null ? null : p.platform().db(), p.sourceUrl())).toList());
    }
}
