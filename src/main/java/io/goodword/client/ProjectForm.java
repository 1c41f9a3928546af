package io.goodword.client;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** A project as typed: dates and value stay text until they validate, so a wrong entry is shown back as typed. */
public record ProjectForm(String title, String value, String currency, String startDate, String endDate, String status) {

    public static ProjectForm empty() { return new ProjectForm("", "", "EUR", "", "", ProjectStatus.ACTIVE.db()); }

    public static ProjectForm of(Project p) {
        return new ProjectForm(p.title(), p.valueCents() == null ? "" : BigDecimal.valueOf(p.valueCents(), 2).toPlainString(),
                p.currency(), p.startDate() == null ? "" : p.startDate().toString(),
                p.endDate() == null ? "" : p.endDate().toString(), p.status());
    }

    public static ProjectForm from(Context ctx) {
        String status = Validation.clean(ctx.formParam("status"));
        return new ProjectForm(Validation.clean(ctx.formParam("title")), Validation.clean(ctx.formParam("value")),
                Validation.clean(ctx.formParam("currency")).toUpperCase(Locale.ROOT),
                Validation.clean(ctx.formParam("startDate")), Validation.clean(ctx.formParam("endDate")),
                status.isEmpty() ? ProjectStatus.ACTIVE.db() : status);
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("title", title).maxLength("title", title, 200);
        if (!value.isEmpty() && !value.matches("\\d{1,12}([.,]\\d{1,2})?")) e.add("value", "client.project.error.value");
        if (!currency.matches("[A-Z]{3}")) e.add("currency", "client.project.error.currency");
        if (!startDate.isEmpty() && date(startDate) == null) e.add("startDate", "client.project.error.date");
        if (!endDate.isEmpty() && date(endDate) == null) e.add("endDate", "client.project.error.date");
        if (date(startDate) != null && date(endDate) != null && date(endDate).isBefore(date(startDate))) {
            e.add("endDate", "client.project.error.endBeforeStart");
        }
        if (ProjectStatus.parse(status) == null) e.add("status", "client.project.error.status");
        return e;
    }

    public Long valueCents() {
        if (value.isEmpty()) return null;
        return new BigDecimal(value.replace(',', '.')).movePointRight(2).longValueExact();
    }

    public LocalDate start() { return date(startDate); }

    public LocalDate end() { return date(endDate); }

    public ProjectStatus statusEnum() { return ProjectStatus.parse(status); }

    static LocalDate date(String s) {
        if (s == null || s.isEmpty()) return null;
        try {
            LocalDate d = LocalDate.parse(s);
            return d.getYear() < 1900 || d.getYear() > 2200 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
