package io.goodword.testimonial;

import io.goodword.web.Pager;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The moderation queue's filters, read from the query string; every value is optional. {@code withdrawn}: the tab of
 * the testimonials their authors took back (whatever their status; {@code status} is then null).
 */
public record QueueFilter(TestimonialStatus status, Integer rating, String tag, TestimonialSource source, Boolean verified,
                          String q, int page, boolean withdrawn) {
    public static final int PAGE_SIZE = 50;
    /** The status tab that is no status: {@code ?status=withdrawn}. */
    public static final String WITHDRAWN = "withdrawn";
    /** The queue's tabs, in the order shown. */
    public static final List<String> TABS = List.of("pending", "approved", "rejected", "archived", WITHDRAWN, "all");

    /** A filter besides the status tab is in use: the folded filter form opens on narrow screens to show it. */
    public boolean narrowed() {
        return rating != null || (tag != null && !tag.isEmpty()) || source != null || verified != null || (q != null && !q.isEmpty());
    }

    public static QueueFilter from(Context ctx) {
        String statusParam = ctx.queryParam("status");
        boolean withdrawn = WITHDRAWN.equals(statusParam);
        TestimonialStatus status = statusParam == null ? TestimonialStatus.PENDING
                : "all".equals(statusParam) || withdrawn ? null : TestimonialStatus.parse(statusParam);
        Integer rating = null;
        try {
            String r = ctx.queryParam("rating");
            if (r != null && !r.isBlank()) {
                int v = Integer.parseInt(r.strip());
                if (v >= 1 && v <= 5) rating = v;
            }
        } catch (NumberFormatException ignored) {
            // an unknown rating filter shows every rating
        }
        String tag = Tags.normalize(ctx.queryParam("tag"));
        String v = ctx.queryParam("verified");
        Boolean verified = "yes".equals(v) ? Boolean.TRUE : "no".equals(v) ? Boolean.FALSE : null;
        String q = Validation.clean(ctx.queryParam("q"));
        if (q.length() > 100) q = q.substring(0, 100);
        return new QueueFilter(status, rating, tag.isEmpty() ? null : tag, TestimonialSource.parse(ctx.queryParam("source")),
                verified, q.isEmpty() ? null : q, Pager.param(ctx.queryParam("page")), withdrawn);
    }

    public String statusParam() { return withdrawn ? WITHDRAWN : status == null ? "all" : status.db(); }

    /** A LIKE pattern for the text search, with the user's % and _ taken literally. */
    public String likePattern() {
        if (q == null) return null;
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public int offset() { return (page - 1) * PAGE_SIZE; }

    /** The query string of these filters with another page (or status), for links. */
    public String query(String statusOverride, Integer pageOverride) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", statusOverride != null ? statusOverride : statusParam());
        if (rating != null) m.put("rating", rating.toString());
        if (tag != null) m.put("tag", tag);
        if (source != null) m.put("source", source.db());
        if (verified != null) m.put("verified", verified ? "yes" : "no");
        if (q != null) m.put("q", q);
        if (pageOverride != null && pageOverride > 1) m.put("page", pageOverride.toString());
        return "?" + m.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
