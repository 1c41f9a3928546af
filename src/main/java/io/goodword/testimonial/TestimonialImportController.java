package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.SafeJson;
import io.goodword.web.Uploads;
import io.goodword.web.Validation;
import io.goodword.web.csv.CsvTable;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Testimonials from elsewhere: typed in by hand, one review pasted from a platform page, or a CSV or JSON file in two
 * steps (upload, then preview with a column mapping until "import"); and the workspace's testimonials out as CSV or
 * JSON.
 */
public final class TestimonialImportController {
    private final TestimonialDao dao;
    private final WorkspaceDao workspaces;
    private final TestimonialService service;

    public TestimonialImportController(TestimonialDao dao, WorkspaceDao workspaces, TestimonialService service) {
        this.dao = dao;
        this.workspaces = workspaces;
        this.service = service;
    }

    public void newForm(Context ctx) {
        Views.render(ctx, "testimonial/adminNew.jte", new TestimonialPages.NewPage(
                Views.shell(ctx, "testimonial.new.title", "testimonials"), TestimonialForm.empty(), FormErrors.none(), false));
    }

    public void create(Context ctx) {
        Workspace w = workspaces.findById(CurrentUser.workspaceId(ctx)).orElseThrow();
        TestimonialForm form = TestimonialForm.from(ctx);
        boolean approveNow = ctx.formParam("approveNow") != null;
        TestimonialService.SubmitResult r = service.addManual(w, form, TestimonialForm.uploadedPhoto(ctx), approveNow);
        if (!r.ok()) {
            Views.invalid(ctx, "testimonial/adminNew.jte", new TestimonialPages.NewPage(
                    Views.shell(ctx, "testimonial.new.title", "testimonials"), r.form(), r.errors(), approveNow));
            ctx.status(r.status()); // 507 when the photo could not be written
            return;
        }
        Views.redirectWithFlash(ctx, "/admin/testimonials/" + r.testimonial().id(), "testimonial.flash.added");
    }

    public void importForm(Context ctx) {
        renderImport(ctx, "", null, null, List.of(), FormErrors.none(), false, false, null);
    }

    /** Step 1: the uploaded (or pasted) file, shown with a guessed column mapping. Nothing is saved. */
    public void importUpload(Context ctx) {
        Uploads.Upload file = Uploads.read(ctx, "file", CsvImport.MAX_CHARS);
        if (file instanceof Uploads.TooLarge) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderImport(ctx, "", null, null, List.of(), FormErrors.of("file", "testimonial.import.tooLarge"), false, false,
                    null);
            return;
        }
        String csv = file instanceof Uploads.File f ? new String(f.bytes(), StandardCharsets.UTF_8)
                : Validation.clean(ctx.formParam("csv"));
        preview(ctx, CurrentUser.workspaceId(ctx), csv, null, null, false);
    }

    /** Step 2: re-check with the chosen mapping, or (on "import") save the valid rows. */
    public void importPreview(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        String csv = ctx.formParam("csv") == null ? "" : ctx.formParam("csv");
        Map<String, Integer> mapping = mapping(ctx);
        boolean consentForAll = ctx.formParam("consentForAll") != null;
        Platform platform = Platform.parse(ctx.formParam("defaultPlatform"));
        if ("import".equals(ctx.formParam("step")) && importValid(ws, csv, mapping, platform, consentForAll)) {
            Views.redirectWithFlash(ctx, "/admin/testimonials?status=pending&source=import", "testimonial.flash.imported");
            return;
        }
        preview(ctx, ws, csv, mapping, platform, consentForAll);
    }

    /** False when nothing could be imported: the preview then shows why (unreadable, or no valid row). */
    private boolean importValid(long ws, String csv, Map<String, Integer> mapping, Platform platform, boolean consentForAll) {
        try {
            CsvTable.Table table = CsvImport.parse(csv);
            List<CsvImport.Row> rows = CsvImport.rows(table, mapping, platformOr(platform, table), today(),
                    h -> dao.countSameBody(ws, h) > 0);
            if (rows.stream().noneMatch(CsvImport.Row::importable)) return false;
            service.importRows(ws, rows, consentForAll);
            return true;
        } catch (CsvImport.Unreadable e) {
            return false;
        }
    }

    private static Map<String, Integer> mapping(Context ctx) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (String field : CsvImport.FIELDS) {
            try {
                mapping.put(field, Integer.parseInt(ctx.formParamAsClass("map_" + field, String.class).getOrDefault("-1")));
            } catch (NumberFormatException e) {
                mapping.put(field, -1);
            }
        }
        return mapping;
    }

    private static Platform platformOr(Platform chosen, CsvTable.Table table) {
        return chosen != null ? chosen : CsvImport.defaultPlatform(table.headers());
    }

    private static java.time.LocalDate today() { return java.time.LocalDate.now(java.time.ZoneOffset.UTC); }

    private void preview(Context ctx, long ws, String csv, Map<String, Integer> mapping, Platform platform,
                         boolean consentForAll) {
        CsvTable.Table table;
        try {
            table = CsvImport.parse(csv);
        } catch (CsvImport.Unreadable e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderImport(ctx, csv.length() > CsvImport.MAX_CHARS ? "" : csv, null, null, List.of(),
                    FormErrors.of("file", e.key(), CsvImport.MAX_ROWS), false, consentForAll, null);
            return;
        }
        Map<String, Integer> m = mapping != null ? mapping : CsvImport.guessMapping(table.headers());
        Platform p = platformOr(platform, table);
        List<CsvImport.Row> rows = CsvImport.rows(table, m, p, today(), h -> dao.countSameBody(ws, h) > 0);
        FormErrors errors = FormErrors.none();
        for (String required : List.of("name", "body", "rating")) {
            if (m.getOrDefault(required, -1) < 0) errors.add("map_" + required, "testimonial.import.mapRequired");
        }
        if (rows.stream().noneMatch(CsvImport.Row::importable)) errors.add("", "testimonial.import.nothingValid");
        if (!errors.isEmpty()) ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderImport(ctx, csv, table.headers(), m, rows, errors, table.truncated(), consentForAll, p);
    }

    private void renderImport(Context ctx, String csv, List<String> headers, Map<String, Integer> mapping,
                              List<CsvImport.Row> rows, FormErrors errors, boolean truncated, boolean consentForAll,
                              Platform platform) {
        Views.render(ctx, "testimonial/adminImport.jte", new TestimonialPages.ImportPage(
                Views.shell(ctx, "testimonial.import.title", "testimonials"), csv, headers, mapping, rows, errors, truncated,
                consentForAll, platform, headers == null ? null : ImportPresets.detect(headers), CurrentUser.dates(ctx)));
    }

    public void pasteForm(Context ctx) { renderPaste(ctx, PasteForm.empty(), FormErrors.none()); }

    /** One review pasted from a platform page, checked by the import's row rules and saved as pending. */
    public void paste(Context ctx) {
        long ws = CurrentUser.workspaceId(ctx);
        PasteForm form = PasteForm.from(ctx);
        CsvImport.Row row = form.row(today(), h -> dao.countSameBody(ws, h) > 0);
        FormErrors errors = PasteForm.errors(row);
        if (errors.isEmpty() && service.importRows(ws, List.of(row), false) == 1) {
            Views.redirectWithFlash(ctx, "/admin/testimonials/paste", "testimonial.flash.pasted");
            return;
        }
        if (errors.isEmpty()) errors.add("body", "testimonial.error.duplicate"); // saved meanwhile by another request
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        renderPaste(ctx, form, errors);
    }

    private static void renderPaste(Context ctx, PasteForm form, FormErrors errors) {
        Views.render(ctx, "testimonial/adminPaste.jte", new TestimonialPages.PastePage(
                Views.shell(ctx, "testimonial.paste.title", "testimonials"), form, errors));
    }

    public void exportCsv(Context ctx) {
        List<Testimonial> all = dao.all(CurrentUser.workspaceId(ctx));
        download(ctx, "testimonials.csv", "text/csv; charset=utf-8");
        ctx.result(Exports.csv(all, dao.tagsById(CurrentUser.workspaceId(ctx), all)));
    }

    public void exportJson(Context ctx) {
        List<Testimonial> all = dao.all(CurrentUser.workspaceId(ctx));
        download(ctx, "testimonials.json", "application/json; charset=utf-8");
        ctx.result(SafeJson.pretty(Exports.rows(all, dao.tagsById(CurrentUser.workspaceId(ctx), all))));
    }

    private static void download(Context ctx, String fileName, String contentType) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.contentType(contentType);
    }
}
