package io.goodword.web;

/**
 * The addresses of a freelancer's public site, spelled once: pages, emails, the feed, the sitemap and the admin's
 * "view it" links all build them here, so a change to the scheme cannot leave one of them pointing nowhere.
 * Paths only; callers put the portal's base URL in front where the link leaves the site. Infrastructure, as the
 * scheme is: the admin layout links the site and the home-domain rewrite maps {@code /} onto the wall.
 */
public final class SitePaths {
    private SitePaths() {}

    /** What every path of a public site starts with; the route table (Routes) spells its patterns under it. */
    public static final String PREFIX = "/p/";

    public static String wall(String slug) { return PREFIX + slug; }

    public static String testimonial(String slug, long id) { return wall(slug) + "/t/" + id; }

    public static String review(String slug) { return wall(slug) + "/review"; }

    public static String contact(String slug) { return wall(slug) + "/contact"; }

    public static String caseStudies(String slug) { return wall(slug) + "/case-studies"; }

    public static String caseStudy(String slug, String study) { return caseStudies(slug) + "/" + study; }

    /** Unversioned; {@code account.Brand} adds the version that makes a changed colour fetched afresh. */
    public static String theme(String slug) { return wall(slug) + "/theme.css"; }
}
