package io.goodword.client;

import static io.goodword.client.ClientLookup.ws;

import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import io.goodword.web.Uploads;
import io.goodword.web.Views;
import io.goodword.web.csv.CsvWriter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** /admin/clients/export.csv and the two-step CSV import (upload → preview with a column mapping → import). */
public final class ClientCsvController {
    private final ClientService service;
    private final ClientDao clients;

    public ClientCsvController(ClientService service, ClientDao clients) {
        this.service = service;
        this.clients = clients;
    }

    public void export(Context ctx) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(CsvImport.FIELDS);
            for (Client c : clients.all(ws(ctx))) {
                csv.row(c.name(), c.email(), c.company(), c.phone(), c.tags(), c.notes(), c.language());
            }
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"clients.csv\"");
        ctx.result(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void importForm(Context ctx) {
        Views.render(ctx, "client/importUpload.jte", new ClientPages.ImportUploadPage(Views.shell(ctx, "client.import.title", "clients"), FormErrors.none()));
    }

    /** Step 1 → 2: reads the uploaded (or pasted) file and shows the preview with a guessed column mapping. */
    public void importPreview(Context ctx) {
        Uploads.Upload upload = Uploads.read(ctx, "file", CsvImport.MAX_CHARS);
        if (upload instanceof Uploads.TooLarge) {
            importUploadError(ctx, "client.import.error.tooLarge");
            return;
        }
        String text = upload instanceof Uploads.File f ? new String(f.bytes(), StandardCharsets.UTF_8) : ctx.formParam("csv");
        CsvImport.Parsed p = parsed(ctx, text);
        if (p == null) return;
        CsvImport.Options options = new CsvImport.Options(CsvImport.guess(p.headers()), CsvImport.Duplicates.SKIP, false);
        renderPreview(ctx, p, options, FormErrors.none());
    }

    /** Step 2: "preview again" with another mapping, or import with the freelancer's consent. */
    public void importConfirm(Context ctx) {
        CsvImport.Parsed p = parsed(ctx, ctx.formParam("csv"));
        if (p == null) return;
        CsvImport.Options options = options(ctx, p);
        FormErrors errors = FormErrors.none();
        if (!"preview".equals(ctx.formParam("action"))) {
            if (!options.mapping().containsKey("name")) errors.add("map.name", "client.import.error.nameUnmapped");
            if (!options.consent()) errors.add("consent", "client.import.error.consent");
        }
        if ("preview".equals(ctx.formParam("action")) || !errors.isEmpty()) {
            if (!errors.isEmpty()) ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderPreview(ctx, p, options, errors);
            return;
        }
        CsvImport.Summary summary = service.importRows(ws(ctx), rows(ctx, p, options));
        Views.render(ctx, "client/importDone.jte", new ClientPages.ImportDonePage(Views.shell(ctx, "client.import.title", "clients"), summary));
    }

    /** The parsed file, or null when it was refused (the upload form is shown again with the reason). */
    private CsvImport.Parsed parsed(Context ctx, String text) {
        CsvImport.Read read = CsvImport.parse(text);
        if (read instanceof CsvImport.Unreadable u) {
            importUploadError(ctx, u.errorKey());
            return null;
        }
        return (CsvImport.Parsed) read;
    }

    private static CsvImport.Options options(Context ctx, CsvImport.Parsed p) {
        return new CsvImport.Options(CsvImport.mappingFrom(ctx::formParam, p.headers().size()),
                "merge".equals(ctx.formParam("duplicates")) ? CsvImport.Duplicates.MERGE : CsvImport.Duplicates.SKIP,
                ctx.formParam("consent") != null);
    }

    private List<CsvImport.RowResult> rows(Context ctx, CsvImport.Parsed p, CsvImport.Options options) {
        long ws = ws(ctx);
        return CsvImport.check(p, options, CurrentUser.require(ctx).language(), email -> clients.findByEmail(ws, email).isPresent());
    }

    private void renderPreview(Context ctx, CsvImport.Parsed p, CsvImport.Options options, FormErrors errors) {
        Views.render(ctx, "client/importPreview.jte", new ClientPages.ImportPreviewPage(Views.shell(ctx, "client.import.title", "clients"),
                p, options, rows(ctx, p, options), errors, CsvImport.FIELDS));
    }

    private void importUploadError(Context ctx, String key) {
        Views.invalid(ctx, "client/importUpload.jte", new ClientPages.ImportUploadPage(Views.shell(ctx, "client.import.title", "clients"),
                FormErrors.of("file", key)));
    }
}
