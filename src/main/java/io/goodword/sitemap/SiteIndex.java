package io.goodword.sitemap;

import io.goodword.web.SitePaths;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.casestudy.CaseStudy;
import io.goodword.casestudy.CaseStudyDao;
import io.goodword.testimonial.PublicTestimonial;
import io.goodword.testimonial.PublicRows;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What search engines may index, read from the features' own public queries (the testimonial feature's "may be
 * public" rule, published case studies): each freelancer's wall, every public testimonial, the case-study list and
 * every published case study. A workspace with nothing public is left out, as are forms and token pages.
 */
public final class SiteIndex {
    /** The sitemap protocol's limit for one file. */
    static final int MAX_URLS = 50_000;
    private static final int MAX_WORKSPACES = 10_000;

    /** One {@code <url>}: a path below BASE_URL and the day it last changed (null when unknown). */
    public record Entry(String path, LocalDate lastModified) {}

    private final WorkspaceDao workspaces;
    private final PublicRows testimonials;
    private final CaseStudyDao caseStudies;
    private final String homeSlug;

    /** {@code homeSlug} (HOME_SLUG, or null): that freelancer's site alone, with the wall at {@code /}. */
    public SiteIndex(WorkspaceDao workspaces, PublicRows testimonials, CaseStudyDao caseStudies, String homeSlug) {
        this.workspaces = workspaces;
        this.testimonials = testimonials;
        this.caseStudies = caseStudies;
        this.homeSlug = homeSlug;
    }

    public List<Entry> entries() {
        List<Workspace> sites = homeSlug == null ? workspaces.list(MAX_WORKSPACES)
                : workspaces.findBySlug(homeSlug).map(List::of).orElse(List.of());
        List<Entry> out = new ArrayList<>();
        for (Workspace ws : sites) {
            if (out.size() >= MAX_URLS) break;
            addSite(ws, out);
        }
        return out.size() > MAX_URLS ? out.subList(0, MAX_URLS) : out;
    }

    private void addSite(Workspace ws, List<Entry> out) {
        List<PublicTestimonial> shown = testimonials.page(ws.id(), null, 1, MAX_URLS - out.size(), 0, PublicRows.Listings.none());
        List<CaseStudy> studies = caseStudies.listPublished(ws.id());
        if (shown.isEmpty() && studies.isEmpty()) return;
        LocalDate newest = shown.stream().map(PublicTestimonial::date).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
        out.add(new Entry(ws.slug().equals(homeSlug) ? "/" : SitePaths.wall(ws.slug()), newest));
        for (PublicTestimonial t : shown) out.add(new Entry(SitePaths.testimonial(ws.slug(), t.id()), t.date()));
        if (studies.isEmpty()) return;
        out.add(new Entry(SitePaths.caseStudies(ws.slug()), day(studies.get(0))));
        for (CaseStudy c : studies) out.add(new Entry(SitePaths.caseStudy(ws.slug(), c.slug()), day(c)));
    }

    private static LocalDate day(CaseStudy c) {
        return Optional.ofNullable(c.publishedAt()).or(() -> Optional.ofNullable(c.updatedAt()))
                .map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC)).orElse(null);
    }
}
