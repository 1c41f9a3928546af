package io.goodword.account;

import io.goodword.web.SitePaths;

/**
 * The freelancer's public identity, as every page of their public site shows it (wall, widget, forms, case
 * studies, referral pages): one record so the header, the theme and the language never differ between them.
 * {@code themeUrl} carries a version so a changed brand colour is fetched afresh.
 */
public record Brand(long workspaceId, String slug, String name, String headline, String bio, String website,
                    String logoUrl, String themeUrl, String language) {

    public static Brand of(Workspace ws, String version) {
        return new Brand(ws.id(), ws.slug(), ws.displayName(), ws.headline(), ws.bio(), ws.website(), ws.logoUrl(),
                SitePaths.theme(ws.slug()) + "?v=" + version, ws.language());
    }

    /** For pages not served from the public cache: the version is the workspace's last change. */
    public static Brand of(Workspace ws) { return of(ws, Long.toString(ws.updatedAt().toEpochMilli())); }

    public String wallUrl() { return SitePaths.wall(slug); }

    public String testimonialUrl(long id) { return SitePaths.testimonial(slug, id); }

    public String reviewUrl() { return SitePaths.review(slug); }

    public String contactUrl() { return SitePaths.contact(slug); }

    public String caseStudiesUrl() { return SitePaths.caseStudies(slug); }
}
