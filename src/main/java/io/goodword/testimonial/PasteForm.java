package io.goodword.testimonial;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.goodword.web.csv.CsvTable;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One review copied from a platform page (Google, LinkedIn, Clutch…): its words, who wrote it, when, and its link. It
 * is checked by the import's own row rules (one row of a table), so a pasted review and an imported file can never
 * disagree about what is valid. {@code platform} empty: read from the link ("linkedin.com" is LinkedIn), else other.
 */
public record PasteForm(String body, String name, String rating, String date, String link, String platform,
                        String role, String company, String avatar, boolean consent) {

    public static PasteForm empty() { return new PasteForm("", "", "", "", "", "", "", "", "", false); }

    public static PasteForm from(Context ctx) {
        return new PasteForm(Validation.clean(ctx.formParam("body")), Validation.clean(ctx.formParam("name")),
                Validation.clean(ctx.formParam("rating")), Validation.clean(ctx.formParam("date")),
                Validation.clean(ctx.formParam("link")), Validation.clean(ctx.formParam("platform")),
                Validation.clean(ctx.formParam("role")), Validation.clean(ctx.formParam("company")),
                Validation.clean(ctx.formParam("avatar")), ctx.formParam("consent") != null);
    }

    /** The review as an import row, errors and duplicate flag included. */
    CsvImport.Row row(LocalDate today, Predicate<String> known) {
        List<String> cells = List.of(name, body, rating, role, company, "", "", consent ? "yes" : "", "", date,
                platform, link, avatar);
        CsvTable.Table table = new CsvTable.Table("", CsvImport.FIELDS, List.of(cells), false);
        java.util.Map<String, Integer> identity = new java.util.LinkedHashMap<>();
        for (int i = 0; i < CsvImport.FIELDS.size(); i++) identity.put(CsvImport.FIELDS.get(i), i);
        return CsvImport.rows(table, identity, Platform.OTHER, today, known).get(0);
    }

    /** The row's problems as errors of this form's fields (a duplicate is the text's). */
    static FormErrors errors(CsvImport.Row row) {
        FormErrors e = FormErrors.none();
        for (CsvImport.RowError re : row.errors()) e.add(re.field(), re.message().key(), re.message().args());
        if (row.duplicate()) e.add("body", "testimonial.error.duplicate");
        return e;
    }

    public boolean ratingIs(int stars) { return String.valueOf(stars).equals(rating); }

    public boolean platformIs(Platform p) { return Optional.ofNullable(Platform.parse(platform)).map(p::equals).orElse(false); }
}
