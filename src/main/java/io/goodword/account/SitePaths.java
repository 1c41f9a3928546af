package io.goodword.account;

/**
 * The addresses of a freelancer's public site, spelled once: pages, emails, the feed, the sitemap and the admin's
 * "view it" links all build them here, so a change to the scheme cannot leave one of them pointing nowhere.
 * Paths only; callers put the portal's base URL in front where the link leaves the site.
 */
public final class SitePaths {
    private SitePaths() {}

    public static String wall(String slug) { return "/p/" + slug; }

    public static String testimonial(String slug, long id) { return wall(slug) + "/t/" + id; }

    public static String review(String slug) { return wall(slug) + "/review"; }

    public static String contact(String slug) { return wall(slug) + "/contact"; }

    public static String caseStudies(String slug) { return wall(slug) + "/case-studies"; }

    public static String caseStudy(String slug, String study) { return caseStudies(slug) + "/" + study; }

    /** Unversioned; {@link Brand} adds the version that makes a changed colour fetched afresh. */
    public static String theme(String slug) { return wall(slug) + "/theme.css"; }
}
