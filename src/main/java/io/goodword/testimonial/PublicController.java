package io.goodword.testimonial;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.CurrentUser;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.web.Csrf;
import io.goodword.web.Flash;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import io.goodword.web.SecurityHeaders;
import io.goodword.web.Shell;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything the public sees: the wall of love, a page per testimonial, the JSON feed, the embeddable widget and its
 * loader, the collection form with its thank-you page, and the submitter's private edit link.
 * The wall, widget and feed are served from {@link PublicCache} with ETag/Last-Modified.
 */
public final class PublicController {
    static final int WALL_PAGE_SIZE = 24;
    static final int FEED_PAGE_SIZE = 100;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Jdbi jdbi;
    private final WorkspaceDao workspaces;
    private final TestimonialService service;
    private final FormGuard guard;
    private final PublicCache cache;
    private final TemplateEngine templates;
    private final I18n i18n;
    private final String baseUrl;
    private final byte[] loaderScript;

    public PublicController(Jdbi jdbi, WorkspaceDao workspaces, TestimonialService service, FormGuard guard,
                            PublicCache cache, TemplateEngine templates, I18n i18n, String baseUrl) {
        this.jdbi = jdbi;
        this.workspaces = workspaces;
        this.service = service;
        this.guard = guard;
        this.cache = cache;
        this.templates = templates;
        this.i18n = i18n;
        this.baseUrl = baseUrl;
        this.loaderScript = resource("/static/js/goodword-embed.js");
    }

    // ---------------------------------------------------------------- wall, single, feed

    public void wall(Context ctx) {
        WallState state = state(ctx);
        if (state == null) return;
        int page = WallPaging.pageParam(ctx.queryParam("page"));
        String tag = Tags.normalize(ctx.queryParam("tag"));
        PublicCache.Rendered r = cache.page(state, "wall|" + page + "|" + tag, s -> renderWall(s, page, tag));
        if (r.bytes().length == 0) throw new NotFoundResponse();
        send(ctx, r);
    }

    private PublicCache.Rendered renderWall(WallState state, int page, String tag) {
        Workspace ws = workspaces.findById(state.id()).orElseThrow(NotFoundResponse::new);
        Localizer t = i18n.localizer(ws.language());
        return jdbi.withExtension(TestimonialDao.class, dao -> {
            String tagOrNull = tag.isEmpty() ? null : tag;
            PublicCache.Summary summary = summary(dao, state);
            TestimonialDao.Aggregate agg = summary.aggregate();
            long total = tagOrNull == null ? agg.count() : dao.publicCount(ws.id(), tagOrNull);
            int pages = WallPaging.pages(total, WALL_PAGE_SIZE);
            List<String> tags = summary.tags();
            if (page > pages || (tagOrNull != null && !tags.contains(tagOrNull))) {
                return PublicCache.Rendered.notFound(state);
            }
            List<PublicTestimonial> items = publicItems(dao, ws.id(),
                    dao.publicList(ws.id(), tagOrNull, 1, WALL_PAGE_SIZE, (page - 1) * WALL_PAGE_SIZE));
            TestimonialPages.Brand brand = brand(ws, state);
            String canonical = baseUrl + "/p/" + ws.slug() + query(tagOrNull, page);
            String description = !ws.headline().isBlank() ? ws.headline()
                    : t.text("testimonial.wall.description", ws.displayName(), average(agg), agg.count());
            TestimonialPages.WallPage p = new TestimonialPages.WallPage(shell(t, t.text("testimonial.wall.title", ws.displayName())),
                    brand, items, agg.count(), average(agg), tags, tagOrNull,
                    new TestimonialPages.Pager(page, pages, tagOrNull == null ? "" : "tag=" + tagOrNull), canonical,
                    ws.logoUrl() == null ? null : baseUrl + ws.logoUrl(), description,
                    SafeJson.scriptBody(jsonLd(ws, agg, items)));
            return PublicCache.rendered(render("testimonial/wall.jte", p), "text/html; charset=utf-8", state);
        });
    }

    private static String query(String tag, int page) {
        List<String> q = new ArrayList<>();
        if (tag != null) q.add("tag=" + tag);
        if (page > 1) q.add("page=" + page);
        return q.isEmpty() ? "" : "?" + String.join("&", q);
    }

    public void single(Context ctx) {
        WallState state = state(ctx);
        if (state == null) return;
        long id = idParam(ctx);
        // Cached like the wall (issue 15): rendered once per workspace stamp, not on every visit.
        PublicCache.Rendered r = cache.page(state, "single|" + id, s -> renderSingle(s, id));
        if (r.bytes().length == 0) throw new NotFoundResponse();
        send(ctx, r);
    }

    private PublicCache.Rendered renderSingle(WallState state, long id) {
        Workspace ws = workspaces.findById(state.id()).orElseThrow(NotFoundResponse::new);
        Localizer t = i18n.localizer(ws.language());
        Optional<PublicTestimonial> found = jdbi.withExtension(TestimonialDao.class, dao -> dao.findPublic(ws.id(), id)
                .flatMap(x -> PublicTestimonial.of(x, dao.tagsOf(ws.id(), id))));
        if (found.isEmpty()) return PublicCache.Rendered.notFound(state);
        PublicTestimonial item = found.get();
        String canonical = baseUrl + "/p/" + ws.slug() + "/t/" + id;
        String description = item.text().length() > 200 ? item.text().substring(0, 200) + "…" : item.text();
        TestimonialPages.SinglePage p = new TestimonialPages.SinglePage(
                shell(t, t.text("testimonial.single.title", item.name(), ws.displayName())), brand(ws, state), item,
                canonical, item.photoUrl() != null ? baseUrl + item.photoUrl() : ws.logoUrl() == null ? null : baseUrl + ws.logoUrl(),
                description, SafeJson.scriptBody(reviewLd(ws, item, true)));
        return PublicCache.rendered(render("testimonial/single.jte", p), "text/html; charset=utf-8", state);
    }

    public void feed(Context ctx) {
        WallState state = state(ctx);
        if (state == null) return;
        int page = WallPaging.pageParam(ctx.queryParam("page"));
        PublicCache.Rendered r = cache.page(state, "json|" + page, s -> renderFeed(s, page));
        ctx.header("Access-Control-Allow-Origin", "*");
        send(ctx, r);
    }

    private PublicCache.Rendered renderFeed(WallState state, int page) {
        Workspace ws = workspaces.findById(state.id()).orElseThrow(NotFoundResponse::new);
        return jdbi.withExtension(TestimonialDao.class, dao -> {
            TestimonialDao.Aggregate agg = summary(dao, state).aggregate();
            int pages = WallPaging.pages(agg.count(), FEED_PAGE_SIZE);
            List<PublicTestimonial> items = publicItems(dao, ws.id(),
                    dao.publicList(ws.id(), null, 1, FEED_PAGE_SIZE, (page - 1) * FEED_PAGE_SIZE));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", ws.displayName());
            out.put("url", baseUrl + "/p/" + ws.slug());
            out.put("ratingAverage", agg.count() == 0 ? null : Math.round(agg.average() * 10) / 10.0);
            out.put("ratingCount", agg.count());
            out.put("page", page);
            out.put("pages", pages);
            out.put("next", page < pages ? baseUrl + "/p/" + ws.slug() + "/testimonials.json?page=" + (page + 1) : null);
            List<Map<String, Object>> list = new ArrayList<>();
            for (PublicTestimonial p : items) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("url", baseUrl + "/p/" + ws.slug() + "/t/" + p.id());
                m.put("rating", p.rating());
                m.put("text", p.text());
                m.put("name", p.name());
                m.put("role", p.role());
                m.put("company", p.company());
                m.put("website", p.website());
                m.put("photoUrl", p.photoUrl() == null ? null : baseUrl + p.photoUrl());
                m.put("verified", p.verified());
                m.put("featured", p.featured());
                m.put("reply", p.reply());
                m.put("date", p.date() == null ? null : p.date().toString());
                m.put("tags", p.tags());
                list.add(m);
            }
            out.put("testimonials", list);
            return PublicCache.rendered(SafeJson.write(out), "application/json; charset=utf-8", state);
        });
    }

    /** /p/{slug}/theme.css: the brand colour as a CSS variable (CSP allows no inline style). */
    public void theme(Context ctx) {
        Workspace ws = workspace(ctx);
        if (ws == null) return;
        String color = Validation.isColor(ws.brandColor()) ? ws.brandColor() : "#4f46e5";
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType("text/css; charset=utf-8");
        ctx.result(":root{--brand:" + color + ";}\n");
    }

    // ---------------------------------------------------------------- widget

    /** /embed/{slug} (the framed widget) and /embed/{slug}.js (its loader) share one route. */
    public void embed(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (slug.endsWith(".js")) {
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
            ctx.contentType("text/javascript; charset=utf-8");
            ctx.result(loaderScript);
            return;
        }
        WallState state = state(ctx);
        if (state == null) return;
        EmbedOptions o = EmbedOptions.from(ctx);
        PublicCache.Rendered r = cache.page(state, o.variant(), s -> renderEmbed(s, o));
        SecurityHeaders.allowFramingBy(ctx, "*");
        ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
        ctx.res().setHeader("Cross-Origin-Opener-Policy", null);
        send(ctx, r);
    }

    private PublicCache.Rendered renderEmbed(WallState state, EmbedOptions o) {
        Workspace ws = workspaces.findById(state.id()).orElseThrow(NotFoundResponse::new);
        Localizer t = i18n.localizer(ws.language());
        return jdbi.withExtension(TestimonialDao.class, dao -> {
            String tag = o.tag().isEmpty() ? null : o.tag();
            List<PublicTestimonial> items = publicItems(dao, ws.id(), dao.publicList(ws.id(), tag, o.minRating(), o.limit(), 0));
            TestimonialDao.Aggregate agg = summary(dao, state).aggregate();
            TestimonialPages.EmbedPage p = new TestimonialPages.EmbedPage(t, t.lang(), brand(ws, state), items, o, agg.count(),
                    average(agg), baseUrl + "/p/" + ws.slug());
            return PublicCache.rendered(render("testimonial/embed.jte", p), "text/html; charset=utf-8", state);
        });
    }

    // ---------------------------------------------------------------- collection form

    public void reviewForm(Context ctx) {
        Workspace ws = workspace(ctx);
        if (ws == null) return;
        renderReview(ctx, ws, TestimonialForm.empty(), FormErrors.none(), guard.stamp(FormGuard.Form.REVIEW));
    }

    public void submit(Context ctx) {
        Workspace ws = workspace(ctx);
        if (ws == null) return;
        TestimonialForm form = TestimonialForm.from(ctx);
        String stamp = ctx.formParam(FormGuard.STAMP);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.REVIEW, Throttle.key(Limit.REVIEW_IP, ctx.ip()),
                Throttle.key(Limit.REVIEW_WORKSPACE, ws.id()));
        if (!g.passed()) {
            g.refuse(ctx);
            renderReview(ctx, ws, form, g.errors(), guard.restamp(FormGuard.Form.REVIEW, stamp));
            return;
        }
        byte[] photo = photo(ctx);
        TestimonialService.SubmitResult result = service.submit(ws, form, photo, Origin.publicForm(ctx.ip()), g.once());
        if (!result.ok() && !result.repeated()) {
            if (photo == null) g.release(); // M5: an attempt with an upload counts even when it fails
            ctx.status(result.status());
            renderReview(ctx, ws, result.form(), result.errors(), guard.restamp(FormGuard.Form.REVIEW, stamp));
            return;
        }
        if (result.repeated()) g.release(); // the same rendered form again: answered as the first time, not counted
        ctx.redirect("/p/" + ws.slug() + "/review/thanks", HttpStatus.SEE_OTHER);
    }

    public void thanks(Context ctx) {
        Workspace ws = workspace(ctx);
        if (ws == null) return;
        Localizer t = i18n.localizer(ws.language());
        ctx.header("Cache-Control", "no-store");
        ctx.render("testimonial/thanks.jte", Map.of("page", new TestimonialPages.ThanksPage(
                shell(ctx, t, t.text("testimonial.thanks.title")), brand(ws, null))));
    }

    private void renderReview(Context ctx, Workspace ws, TestimonialForm form, FormErrors errors, String stamp) {
        Localizer t = i18n.localizer(ws.language());
        String prompt = jdbi.withExtension(TestimonialDao.class, dao -> dao.prompt(ws.id()));
        ctx.header("Cache-Control", "no-store");
        ctx.render("testimonial/review.jte", Map.of("page", new TestimonialPages.ReviewPage(
                shell(ctx, t, t.text("testimonial.review.title", ws.displayName())), brand(ws, null), prompt, form, errors,
                "/p/" + ws.slug() + "/review", stamp)));
    }

    // ---------------------------------------------------------------- the submitter's private link

    public void editForm(Context ctx) {
        Testimonial t = byToken(ctx);
        renderEdit(ctx, t, TestimonialForm.of(t), FormErrors.none());
    }

    public void edit(Context ctx) {
        Testimonial t = byToken(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.EDIT, Throttle.key(Limit.EDIT_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            renderEdit(ctx, t, TestimonialForm.from(ctx).withCurrentPhoto(t.photoFile()), g.errors());
            return;
        }
        if (t.status() != TestimonialStatus.PENDING) {
            ctx.status(HttpStatus.CONFLICT);
            renderEdit(ctx, t, TestimonialForm.from(ctx), FormErrors.of("", "testimonial.edit.locked"));
            return;
        }
        TestimonialForm form = TestimonialForm.from(ctx).withCurrentPhoto(t.photoFile());
        TestimonialService.SubmitResult r = service.updateBySubmitter(t, form, photo(ctx), ctx.formParam("removePhoto") != null);
        if (!r.ok()) {
            ctx.status(r.status());
            renderEdit(ctx, t, r.form(), r.errors());
            return;
        }
        Flash.set(ctx, "testimonial.flash.updated");
        ctx.redirect("/testimonial/edit/" + ctx.pathParam("token"), HttpStatus.SEE_OTHER);
    }

    public void withdraw(Context ctx) {
        Testimonial t = byToken(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.EDIT, Throttle.key(Limit.EDIT_IP, ctx.ip()));
        if (!g.passed()) {
            g.refuse(ctx);
            renderEdit(ctx, t, TestimonialForm.of(t), g.errors());
            return;
        }
        if (!service.withdraw(t)) {
            ctx.status(HttpStatus.CONFLICT);
            renderEdit(ctx, t, TestimonialForm.of(t), FormErrors.of("", "testimonial.edit.locked"));
            return;
        }
        Workspace ws = workspaces.findById(t.workspaceId()).orElseThrow(NotFoundResponse::new);
        Localizer l = i18n.localizer(ws.language());
        ctx.render("testimonial/withdrawn.jte", Map.of("page", new TestimonialPages.ThanksPage(
                shell(ctx, l, l.text("testimonial.withdrawn.title")), brand(ws, null))));
    }

    private Testimonial byToken(Context ctx) {
        return service.byEditToken(ctx.pathParam("token")).orElseThrow(NotFoundResponse::new);
    }

    private void renderEdit(Context ctx, Testimonial t, TestimonialForm form, FormErrors errors) {
        Workspace ws = workspaces.findById(t.workspaceId()).orElseThrow(NotFoundResponse::new);
        Localizer l = i18n.localizer(ws.language());
        ctx.render("testimonial/edit.jte", Map.of("page", new TestimonialPages.EditPage(
                shell(ctx, l, l.text("testimonial.edit.title", ws.displayName())), brand(ws, null), form, errors,
                ctx.pathParam("token"), t.status() != TestimonialStatus.PENDING, guard.stamp(FormGuard.Form.EDIT))));
    }

    /** After a settings change in this process the wall must show it at once (other processes: within a second). */
    public void afterSettings(Context ctx) {
        CurrentUser u = CurrentUser.of(ctx);
        if (u != null && "POST".equals(ctx.method().name())) cache.invalidate(u.workspaceId());
    }

    // ---------------------------------------------------------------- helpers

    /** The workspace behind /p/{slug}; a renamed workspace's old slug answers 301 to the same path. */
    /** Null when the visitor was redirected (handler returns at once). */
    private WallState state(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!SLUG.matcher(slug).matches()) throw new NotFoundResponse();
        Optional<WallState> s = cache.state(slug);
        if (s.isPresent()) return s.get();
        redirectOrNotFound(ctx, slug);
        return null;
    }

    /** Null when the visitor was redirected (handler returns at once). */
    private Workspace workspace(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!SLUG.matcher(slug).matches()) throw new NotFoundResponse();
        Optional<Workspace> ws = workspaces.findBySlug(slug);
        if (ws.isPresent()) return ws.get();
        redirectOrNotFound(ctx, slug);
        return null;
    }

    private void redirectOrNotFound(Context ctx, String slug) {
        Optional<String> current = workspaces.currentSlugFor(slug);
        if (current.isEmpty()) throw new NotFoundResponse();
        String prefix = ctx.path().startsWith("/embed/") ? "/embed/" : "/p/";
        String rest = ctx.path().substring(prefix.length() + slug.length());
        String qs = ctx.queryString();
        ctx.redirect(prefix + current.get() + rest + (qs == null ? "" : "?" + qs), HttpStatus.MOVED_PERMANENTLY);
    }

    private static long idParam(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    /** Sends cached bytes, or 304 when the visitor already has them. */
    /**
     * Sends cached bytes straight to the response (the hot path: no per-request rendering, compression or
     * formatting), or 304 when the visitor's copy is current.
     */
    static void send(Context ctx, PublicCache.Rendered r) {
        ctx.header("ETag", r.etag());
        ctx.header("Last-Modified", r.lastModifiedHeader());
        ctx.header("Cache-Control", "public, no-cache");
        ctx.header("Vary", "Accept-Encoding");
        String inm = ctx.header("If-None-Match");
        boolean fresh;
        if (inm != null) {
            fresh = inm.strip().equals("*") || List.of(inm.split(",")).stream().map(String::strip)
                    .map(s -> s.startsWith("W/") ? s.substring(2) : s).anyMatch(r.etag()::equals);
        } else {
            String ims = ctx.header("If-Modified-Since");
            fresh = false;
            if (ims != null) {
                try {
                    fresh = !r.lastModified().isAfter(Instant.from(HTTP_DATE.parse(ims)));
                } catch (RuntimeException ignored) {
                    // a malformed date means "send it"
                }
            }
        }
        if (fresh) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        String encodings = ctx.header("Accept-Encoding");
        boolean gzip = encodings != null && encodings.contains("gzip");
        byte[] body = gzip ? r.gzipped() : r.bytes();
        HttpServletResponse res = ctx.res();
        res.setContentType(r.contentType());
        if (gzip) res.setHeader("Content-Encoding", "gzip");
        res.setContentLength(body.length);
        try {
            res.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor went away
        }
    }

    /** Count, average and tags of the workspace's public testimonials, once per stamp (see PublicCache.Summary). */
    private PublicCache.Summary summary(TestimonialDao dao, WallState state) {
        return cache.summary(state, s -> new PublicCache.Summary(dao.publicAggregate(s.id()), List.copyOf(dao.publicTags(s.id())),
                s.stamp()));
    }

    private static List<PublicTestimonial> publicItems(TestimonialDao dao, long workspaceId, List<Testimonial> rows) {
        Map<Long, List<String>> tags = rows.isEmpty() ? Map.of() : dao.tagsFor(workspaceId, rows.stream().map(Testimonial::id).toList())
                .stream().collect(Collectors.groupingBy(TestimonialDao.TagRow::testimonialId,
                        Collectors.mapping(TestimonialDao.TagRow::tag, Collectors.toList())));
        List<PublicTestimonial> out = new ArrayList<>();
        for (Testimonial t : rows) PublicTestimonial.of(t, tags.getOrDefault(t.id(), List.of())).ifPresent(out::add);
        return out;
    }

    private TestimonialPages.Brand brand(Workspace ws, WallState state) {
        String v = state != null ? state.stamp() : Long.toString(ws.updatedAt().toEpochMilli());
        return new TestimonialPages.Brand(ws.slug(), ws.displayName(), ws.headline(), ws.bio(), ws.logoUrl(), ws.website(),
                "/p/" + ws.slug() + "/theme.css?v=" + v);
    }

    static String average(TestimonialDao.Aggregate agg) {
        return agg.count() == 0 ? "" : String.format(Locale.ROOT, "%.1f", agg.average());
    }

    private Map<String, Object> jsonLd(Workspace ws, TestimonialDao.Aggregate agg, List<PublicTestimonial> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", "ProfessionalService");
        m.put("name", ws.displayName());
        m.put("url", baseUrl + "/p/" + ws.slug());
        if (!ws.headline().isBlank()) m.put("description", ws.headline());
        if (ws.logoUrl() != null) m.put("image", baseUrl + ws.logoUrl());
        if (agg.count() > 0) {
            m.put("aggregateRating", Map.of("@type", "AggregateRating", "ratingValue", average(agg),
                    "reviewCount", agg.count(), "bestRating", 5, "worstRating", 1));
            List<Map<String, Object>> reviews = new ArrayList<>();
            for (PublicTestimonial p : items) reviews.add(reviewLd(ws, p, false));
            m.put("review", reviews);
        }
        return m;
    }

    private Map<String, Object> reviewLd(Workspace ws, PublicTestimonial p, boolean withSubject) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (withSubject) r.put("@context", "https://schema.org");
        r.put("@type", "Review");
        r.put("author", Map.of("@type", "Person", "name", p.name()));
        r.put("reviewRating", Map.of("@type", "Rating", "ratingValue", p.rating(), "bestRating", 5, "worstRating", 1));
        r.put("reviewBody", p.text());
        if (p.date() != null) r.put("datePublished", p.date().toString());
        r.put("url", baseUrl + "/p/" + ws.slug() + "/t/" + p.id());
        if (withSubject) r.put("itemReviewed", Map.of("@type", "ProfessionalService", "name", ws.displayName(),
                "url", baseUrl + "/p/" + ws.slug()));
        return r;
    }

    /** A shell for cached pages: no flash, no user, no CSRF cookie (these pages have no forms). */
    private static Shell shell(Localizer t, String title) {
        return new Shell(title, t, () -> "", null, null, "");
    }

    private static Shell shell(Context ctx, Localizer t, String title) {
        return new Shell(title, t, () -> Csrf.token(ctx), Flash.pop(ctx), null, "");
    }

    private String render(String template, Object page) {
        StringOutput out = new StringOutput();
        templates.render(template, Map.of("page", page), out);
        return out.toString();
    }

    /** The uploaded photo's bytes, or null; an oversize file becomes a too-large marker the store refuses. */
    public static byte[] photo(Context ctx) {
        UploadedFile f = ctx.uploadedFile("photo");
        if (f == null || f.size() == 0) return null;
        if (f.size() > io.goodword.media.ImageStore.MAX_BYTES) return new byte[(int) io.goodword.media.ImageStore.MAX_BYTES + 1];
        try (InputStream in = f.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PublicController.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
