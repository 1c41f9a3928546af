package io.goodword.client;

import io.goodword.web.Pager;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Search, filter, sort and page of the client list, read from the query string. */
public record ClientQuery(String q, String tag, Sort sort, int page) {
    public static final int PAGE_SIZE = 25;

    /** A search or tag is in use: the folded filter form opens on narrow screens to show it. */
    public boolean narrowed() { return (q != null && !q.isEmpty()) || (tag != null && !tag.isEmpty()); }

    /** The only orderings there are; the SQL clause never comes from the request. */
    public enum Sort {
        NAME("name, id"), NEWEST("created_at DESC, id DESC"), OLDEST("created_at, id"), COMPANY("company, name, id");

        final String sql;

        Sort(String sql) { this.sql = sql; }

        /** The fixed ORDER BY clause over the clients table's own columns. */
        public String sql() { return sql; }

        public String param() { return name().toLowerCase(Locale.ROOT); }

        static Sort parse(String s) {
            for (Sort v : values()) if (v.param().equals(s)) return v;
            return NAME;
        }
    }

    public static ClientQuery from(Context ctx) {
        String q = Validation.clean(ctx.queryParam("q"));
        if (q.length() > 100) q = q.substring(0, 100);
        String tag = ClientForm.Tags.normalize(ctx.queryParam("tag"));
        if (tag.contains(",")) tag = tag.substring(0, tag.indexOf(','));
        int page = 1;
        try {
            page = Math.max(1, Math.min(100_000, Integer.parseInt(Validation.clean(ctx.queryParam("page")))));
        } catch (NumberFormatException ignored) {
            // page 1
        }
        return new ClientQuery(q, tag, Sort.parse(ctx.queryParam("sort")), page);
    }

    /** The LIKE pattern for the search text, with its wildcards escaped. */
    public String like() {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public int offset() { return (page - 1) * PAGE_SIZE; }

    /** Where this list is among {@code pages}, for {@code tag/pagination.jte}, keeping search, filter and sort
     * (the client list, and the referral ambassadors page that pages and searches clients too). */
    public Pager pager(String listPath, int pages) {
        return new Pager(page, pages, page < pages, listPath + "?q=" + enc(q) + "&tag=" + enc(tag) + "&sort=" + sort.param());
    }

    /** Pages needed for {@code total} rows. */
    public static int pages(int total) { return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
