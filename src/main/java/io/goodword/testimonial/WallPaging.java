package io.goodword.testimonial;

/** Page numbers from the query string: anything odd is page 1, huge values are capped. */
public final class WallPaging {
    private WallPaging() {}

    public static int pageParam(String raw) {
        if (raw == null || raw.isBlank()) return 1;
        try {
            int p = Integer.parseInt(raw.strip());
            return p < 1 ? 1 : Math.min(p, 10_000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static int pages(long total, int size) { return (int) Math.max(1, (total + size - 1) / size); }
}
