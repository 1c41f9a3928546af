package io.goodword.client;

import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.stream.Collectors;

/** A client as typed in the admin (or read from a CSV row). */
public record ClientForm(String name, String email, String company, String phone, String tags, String notes,
                         String language) {
    public static final int MAX_NOTES = 5000;

    public static ClientForm empty(String language) { return new ClientForm("", "", "", "", "", "", language); }

    public static ClientForm of(Client c) {
        return new ClientForm(c.name(), c.email() == null ? "" : c.email(), c.company(), c.phone(),
                String.join(", ", Tags.split(c.tags())), c.notes() == null ? "" : c.notes(), c.language());
    }

    public static ClientForm from(Context ctx) {
        return new ClientForm(Validation.clean(ctx.formParam("name")), Validation.clean(ctx.formParam("email")),
                Validation.clean(ctx.formParam("company")), Validation.clean(ctx.formParam("phone")),
                Validation.clean(ctx.formParam("tags")), Validation.clean(ctx.formParam("notes")),
                Validation.clean(ctx.formParam("language")));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("name", name).maxLength("name", name, 200);
        e.maxLength("email", email, 254).email("email", email);
        e.maxLength("company", company, 200);
        e.maxLength("phone", phone, 50);
        if (phone != null && !phone.isBlank() && !phone.matches("[0-9+()./\\- ]{3,50}")) e.add("phone", "client.error.phone");
        e.maxLength("tags", tags, 500);
        e.maxLength("notes", notes, MAX_NOTES);
        if (!I18n.LANGUAGES.contains(language)) e.add("language", "error.language");
        return e;
    }

    /** The email as stored: lower case, or null when none was given (so several clients may have none). */
    public String emailOrNull() { return email == null || email.isBlank() ? null : Validation.normalizeEmail(email); }

    /** Tags as stored: comma separated, trimmed, lower case, without duplicates (FIND_IN_SET filters on them). */
    public String tagList() { return Tags.normalize(tags); }

    /** Same values with a default language when none was given (CSV rows often have none). */
    public ClientForm withDefaultLanguage(String fallback) {
        return language == null || language.isBlank() ? new ClientForm(name, email, company, phone, tags, notes, fallback) : this;
    }

    /** Tags of a client. */
    public static final class Tags {
        private Tags() {}

        public static String normalize(String raw) {
            if (raw == null) return "";
            return Arrays.stream(raw.split("[,;]"))
                    .map(s -> s.strip().toLowerCase(Locale.ROOT).replace(",", ""))
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new))
                    .stream().collect(Collectors.joining(","));
        }

        public static java.util.List<String> split(String stored) {
            if (stored == null || stored.isBlank()) return java.util.List.of();
            return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
        }
    }
}
