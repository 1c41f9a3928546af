package io.goodword.web;

/**
 * Where a paged list is, for {@code tag/pagination.jte}. {@code pages} is 0 when the total is not counted (lists that
 * read one row more than they show to know whether a next page exists). {@code base} is the list's URL with its
 * other query parameters, e.g. "/admin/asks?status=sent" or "?tag=web"; the page number is appended.
 */
public record Pager(int page, int pages, boolean hasNext, String base) {
    /** Page numbers beyond this are capped: no one pages that far, and an offset stays small. */
    public static final int MAX_PAGE = 10_000;

    /** A list whose total is known. */
    public static Pager counted(int page, long total, int size, String base) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Pager(page, pages, page < pages, base);
    }

    /** A list that only knows whether there is a next page. */
    public static Pager open(int page, boolean hasNext, String base) { return new Pager(page, 0, hasNext, base); }

    /** The page number from a query parameter: anything odd is page 1, huge values are capped. */
    public static int param(String raw) {
        if (raw == null || raw.isBlank()) return 1;
        try {
            int p = Integer.parseInt(raw.strip());
            return p < 1 ? 1 : Math.min(p, MAX_PAGE);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public boolean hasPrev() { return page > 1; }

    /** Worth a navigation bar: there is somewhere to go. */
    public boolean shown() { return hasPrev() || hasNext; }

    /** "Page 2 of 5" is shown only when the total is known. */
    public boolean counted() { return pages > 0; }

    public String prevUrl() { return url(page - 1); }

    public String nextUrl() { return url(page + 1); }

    public String url(int p) {
        String b = base == null ? "" : base;
        String sep = b.isEmpty() || b.endsWith("?") || b.endsWith("&") ? "" : b.contains("?") ? "&" : "?";
        return (b.isEmpty() ? "?" : b) + sep + "page=" + p;
    }
}
