package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** /admin/testimonials: the moderation queue, one testimonial, adding by hand, import/export, widget and form setup. */
public final class AdminController {
    private final Jdbi jdbi;
    private final TestimonialDao dao;
    private final WorkspaceDao workspaces;
    private final TestimonialService service;
    private final String baseUrl;

    public AdminController(Jdbi jdbi, WorkspaceDao workspaces, TestimonialService service, String baseUrl) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(TestimonialDao.class);
        this.workspaces = workspaces;
        this.service = service;
        this.baseUrl = baseUrl;
    }

    // ---------------------------------------------------------------- queue

    public void list(Context ctx) {
        long ws = ws(ctx);
        QueueFilter f = QueueFilter.from(ctx);
        List<Testimonial> items = dao.queue(ws, f);
        Map<Long, List<String>> tags = tagsOf(ws, items);
        long total = dao.queueCount(ws, f);
        Map<String, Long> counts = new LinkedHashMap<>();
        dao.countsByStatus(ws).forEach(c -> counts.put(c.status(), c.count()));
        counts.put("all", counts.values().stream().mapToLong(Long::longValue).sum());
        String base = f.query(null, null).substring(1);
        Views.render(ctx, "testimonial/adminList.jte", new TestimonialPages.ListPage(
                Views.shell(ctx, "testimonial.admin.title", "testimonials"), f,
                items.stream().map(t -> new TestimonialPages.QueueRow(t, tags.getOrDefault(t.id(), List.of()))).toList(),
                counts, total, new TestimonialPages.Pager(f.page(), WallPaging.pages(total, QueueFilter.PAGE_SIZE), base),
                dao.allTags(ws)));
    }

    public void bulk(Context ctx) {
        long ws = ws(ctx);
        TestimonialService.Action action = TestimonialService.Action.parse(ctx.formParam("action"));
        List<Long> ids = new ArrayList<>();
        for (String s : ctx.formParams("ids")) {
            try {
                ids.add(Long.parseLong(s));
            } catch (NumberFormatException ignored) {
                // not an id: nothing to do with it
            }
        }
        String back = "/admin/testimonials" + backQuery(ctx);
        if (action == null || ids.isEmpty()) {
            Views.redirectWithFlash(ctx, back, "testimonial.flash.bulkNothing");
            return;
        }
        service.apply(ws, ids, action);
        Views.redirectWithFlash(ctx, back, "testimonial.flash.bulkDone");
    }

    private static String backQuery(Context ctx) {
        String q = ctx.formParam("back");
        return q != null && q.startsWith("?") && !q.contains("//") && q.length() < 500 ? q : "";
    }

    // ---------------------------------------------------------------- one testimonial

    public void show(Context ctx) {
        long ws = ws(ctx);
        Testimonial t = find(ws, ctx);
        renderDetail(ctx, t, ContentForm.of(t), FormErrors.none());
    }

    public void status(Context ctx) {
        long ws = ws(ctx);
        Testimonial t = find(ws, ctx);
        TestimonialService.Action action = TestimonialService.Action.parse(ctx.formParam("action"));
        if (action == null) throw new io.javalin.http.BadRequestResponse();
        service.apply(ws, t.id(), action);
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + t.id(), "testimonial.flash." + action.name().toLowerCase(java.util.Locale.ROOT));
    }

    public void edit(Context ctx) {
        long ws = ws(ctx);
        Testimonial t = find(ws, ctx);
        ContentForm form = ContentForm.from(ctx);
        FormErrors errors = service.edit(ws, t.id(), form, CurrentUser.require(ctx));
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderDetail(ctx, t, form, errors);
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + t.id(), "testimonial.flash.edited");
    }

    public void restoreOriginal(Context ctx) {
        long ws = ws(ctx);
        Testimonial t = find(ws, ctx);
        service.restoreOriginal(ws, t.id(), CurrentUser.require(ctx));
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + t.id(), "testimonial.flash.restoredOriginal");
    }

    public void tags(Context ctx) {
        long ws = ws(ctx);
        Testimonial t = find(ws, ctx);
        service.setTags(ws, t.id(), Tags.parse(ctx.formParam("tags")));
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + t.id(), "testimonial.flash.tagsSaved");
    }

    public void reply(Context ctx) {
        long ws = ws(ctx);
        Testimonial t = find(ws, ctx);
        String reply = Validation.clean(ctx.formParam("reply"));
        if (reply.codePointCount(0, reply.length()) > 1000) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderDetail(ctx, new Testimonial(t.id(), t.workspaceId(), t.clientId(), t.status(), t.source(), t.verified(),
                    t.rating(), t.body(), t.excerpt(), t.name(), t.role(), t.company(), t.website(), t.email(), t.photoFile(),
                    t.consentPublish(), t.consentShowPhoto(), t.consentShowCompany(), t.featured(), reply, t.submittedIp(),
                    t.originalBody(), t.createdAt(), t.updatedAt(), t.approvedAt()), ContentForm.of(t),
                    FormErrors.of("reply", "error.tooLong", 1000));
            return;
        }
        service.setReply(ws, t.id(), reply);
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + t.id(), "testimonial.flash.replySaved");
    }

    private void renderDetail(Context ctx, Testimonial t, ContentForm form, FormErrors errors) {
        long ws = t.workspaceId();
        Workspace w = workspaces.findById(ws).orElseThrow();
        Views.render(ctx, "testimonial/adminDetail.jte", new TestimonialPages.DetailPage(
                Views.shellWithTitle(ctx, t.name(), "testimonials"), t, dao.tagsOf(ws, t.id()), dao.editsOf(ws, t.id()), form,
                errors, t.isPublic() ? "/p/" + w.slug() + "/t/" + t.id() : null));
    }

    // ---------------------------------------------------------------- add by hand

    public void newForm(Context ctx) {
        Views.render(ctx, "testimonial/adminNew.jte", new TestimonialPages.NewPage(
                Views.shell(ctx, "testimonial.new.title", "testimonials"), TestimonialForm.empty(), FormErrors.none(), false));
    }

    public void create(Context ctx) {
        Workspace w = workspaces.findById(ws(ctx)).orElseThrow();
        TestimonialForm form = TestimonialForm.from(ctx);
        boolean approveNow = ctx.formParam("approveNow") != null;
        TestimonialService.SubmitResult r = service.addManual(w, form, bytes(ctx.uploadedFile("photo")), approveNow);
        if (!r.ok()) {
            Views.invalid(ctx, "testimonial/adminNew.jte", new TestimonialPages.NewPage(
                    Views.shell(ctx, "testimonial.new.title", "testimonials"), r.form(), r.errors(), approveNow));
            ctx.status(r.status()); // 507 when the photo could not be written
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + r.testimonial().id(), "testimonial.flash.added");
    }

    // ---------------------------------------------------------------- import / export

    public void importForm(Context ctx) {
        renderImport(ctx, "", null, null, List.of(), FormErrors.none(), false, false);
    }

    /** Step 1: the uploaded (or pasted) file, shown with a guessed column mapping. Nothing is saved. */
    public void importUpload(Context ctx) {
        long ws = ws(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        String csv = Validation.clean(ctx.formParam("csv"));
        if (file != null && file.size() > 0) {
            if (file.size() > CsvImport.MAX_CHARS) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                renderImport(ctx, "", null, null, List.of(), FormErrors.of("file", "testimonial.import.tooLarge"), false, false);
                return;
            }
            csv = new String(bytes(file), StandardCharsets.UTF_8);
        }
        preview(ctx, ws, csv, null, false);
    }

    /** Step 2: re-check with the chosen mapping, or (on "import") save the valid rows. */
    public void importConfirm(Context ctx) {
        long ws = ws(ctx);
        String csv = ctx.formParam("csv") == null ? "" : ctx.formParam("csv");
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (String field : CsvImport.FIELDS) {
            try {
                mapping.put(field, Integer.parseInt(ctx.formParamAsClass("map_" + field, String.class).getOrDefault("-1")));
            } catch (NumberFormatException e) {
                mapping.put(field, -1);
            }
        }
        boolean consentForAll = ctx.formParam("consentForAll") != null;
        if ("import".equals(ctx.formParam("step"))) {
            try {
                CsvImport.Table table = CsvImport.parse(csv);
                List<CsvImport.Row> rows = CsvImport.rows(table, mapping, h -> dao.countSameBody(ws, h) > 0);
                if (rows.stream().anyMatch(CsvImport.Row::importable)) {
                    service.importRows(ws, rows, consentForAll);
                    Views.redirectWithFlash(ctx, "/admin/testimonials?status=pending&source=import", "testimonial.flash.imported");
                    return;
                }
            } catch (CsvImport.Unreadable e) {
                // shown by preview below
            }
        }
        preview(ctx, ws, csv, mapping, consentForAll);
    }

    private void preview(Context ctx, long ws, String csv, Map<String, Integer> mapping, boolean consentForAll) {
        CsvImport.Table table;
        try {
            table = CsvImport.parse(csv);
        } catch (CsvImport.Unreadable e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderImport(ctx, csv.length() > CsvImport.MAX_CHARS ? "" : csv, null, null, List.of(),
                    FormErrors.of("file", "testimonial.import.unreadable"), false, consentForAll);
            return;
        }
        Map<String, Integer> m = mapping != null ? mapping : CsvImport.guessMapping(table.headers());
        List<CsvImport.Row> rows = CsvImport.rows(table, m, h -> dao.countSameBody(ws, h) > 0);
        FormErrors errors = FormErrors.none();
        if (m.getOrDefault("name", -1) < 0) errors.add("map_name", "testimonial.import.mapRequired");
        if (m.getOrDefault("body", -1) < 0) errors.add("map_body", "testimonial.import.mapRequired");
        if (m.getOrDefault("rating", -1) < 0) errors.add("map_rating", "testimonial.import.mapRequired");
        if (rows.stream().noneMatch(CsvImport.Row::importable)) errors.add("", "testimonial.import.nothingValid");
        if (!errors.isEmpty()) ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderImport(ctx, csv, table.headers(), m, rows, errors, table.truncated(), consentForAll);
    }

    private void renderImport(Context ctx, String csv, List<String> headers, Map<String, Integer> mapping,
                              List<CsvImport.Row> rows, FormErrors errors, boolean truncated, boolean consentForAll) {
        Views.render(ctx, "testimonial/adminImport.jte", new TestimonialPages.ImportPage(
                Views.shell(ctx, "testimonial.import.title", "testimonials"), csv, headers, mapping, rows, errors, truncated,
                consentForAll));
    }

    public void exportCsv(Context ctx) {
        long ws = ws(ctx);
        List<Testimonial> all = dao.all(ws);
        Map<Long, List<String>> tags = tagsOf(ws, all);
        ctx.header("Content-Disposition", "attachment; filename=\"testimonials.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(Exports.csv(all, tags));
    }

    public void exportJson(Context ctx) {
        long ws = ws(ctx);
        List<Testimonial> all = dao.all(ws);
        Map<Long, List<String>> tags = tagsOf(ws, all);
        ctx.header("Content-Disposition", "attachment; filename=\"testimonials.json\"");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(SafeJson.pretty(Exports.maps(all, tags)));
    }

    // ---------------------------------------------------------------- widget and collection set-up

    public void embed(Context ctx) {
        Workspace w = workspaces.findById(ws(ctx)).orElseThrow();
        EmbedOptions o = EmbedOptions.from(ctx);
        String snippet = "<script src=\"" + baseUrl + "/embed/" + w.slug() + ".js\" " + o.dataAttributes() + " async></script>";
        Views.render(ctx, "testimonial/adminEmbed.jte", new TestimonialPages.EmbedAdminPage(
                Views.shell(ctx, "testimonial.embed.title", "testimonials"), o, snippet, "/embed/" + w.slug() + o.query(),
                dao.allTags(w.id())));
    }

    public void collect(Context ctx) {
        Workspace w = workspaces.findById(ws(ctx)).orElseThrow();
        renderCollect(ctx, w, dao.prompt(w.id()), FormErrors.none());
    }

    public void savePrompt(Context ctx) {
        Workspace w = workspaces.findById(ws(ctx)).orElseThrow();
        String prompt = Validation.clean(ctx.formParam("prompt"));
        FormErrors errors = FormErrors.none().maxLength("prompt", prompt, 1000);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderCollect(ctx, w, prompt, errors);
            return;
        }
        service.setPrompt(w.id(), prompt);
        Views.redirectWithFlash(ctx, "/admin/testimonials/collect", "testimonial.flash.promptSaved");
    }

    private void renderCollect(Context ctx, Workspace w, String prompt, FormErrors errors) {
        Views.render(ctx, "testimonial/adminCollect.jte", new TestimonialPages.CollectPage(
                Views.shell(ctx, "testimonial.collect.title", "testimonials"), baseUrl + "/p/" + w.slug() + "/review", prompt, errors));
    }

    // ---------------------------------------------------------------- helpers

    private static long ws(Context ctx) { return CurrentUser.require(ctx).workspaceId(); }

    /** The testimonial with the path's id in this workspace; another workspace's id is a 404. */
    private Testimonial find(long ws, Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return dao.findById(ws, id).orElseThrow(NotFoundResponse::new);
    }

    private Map<Long, List<String>> tagsOf(long ws, List<Testimonial> items) {
        if (items.isEmpty()) return Map.of();
        return dao.tagsFor(ws, items.stream().map(Testimonial::id).toList()).stream()
                .collect(Collectors.groupingBy(TestimonialDao.TagRow::testimonialId,
                        Collectors.mapping(TestimonialDao.TagRow::tag, Collectors.toList())));
    }

    private static byte[] bytes(UploadedFile f) {
        if (f == null || f.size() == 0) return null;
        try (InputStream in = f.content()) {
            return in.readNBytes((int) Math.min(f.size(), 20L * 1024 * 1024));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
