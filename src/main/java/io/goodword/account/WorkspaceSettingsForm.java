package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/** Workspace settings as typed in the admin. */
public record WorkspaceSettingsForm(String displayName, String slug, String headline, String bio, String website,
                                    String brandColor, String timeZone, String language) {

    public static WorkspaceSettingsForm of(Workspace w) {
        return new WorkspaceSettingsForm(w.displayName(), w.slug(), w.headline(), w.bio(), w.website(), w.brandColor(),
                w.timeZone(), w.language());
    }

    public static WorkspaceSettingsForm from(Context ctx) {
        return new WorkspaceSettingsForm(Validation.clean(ctx.formParam("displayName")),
                Validation.clean(ctx.formParam("slug")).toLowerCase(Locale.ROOT),
                Validation.clean(ctx.formParam("headline")), Validation.clean(ctx.formParam("bio")),
                Validation.clean(ctx.formParam("website")), Validation.clean(ctx.formParam("brandColor")).toLowerCase(Locale.ROOT),
                Validation.clean(ctx.formParam("timeZone")), Validation.clean(ctx.formParam("language")));
    }

    /** True when saving this would change nothing (a missing value and an empty one are the same). */
    public boolean sameAs(Workspace w) {
        return equals(new WorkspaceSettingsForm(nz(w.displayName()), nz(w.slug()), nz(w.headline()), nz(w.bio()),
                nz(w.website()), nz(w.brandColor()).toLowerCase(Locale.ROOT), nz(w.timeZone()), nz(w.language())));
    }

    private static String nz(String s) { return s == null ? "" : s; }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("displayName", displayName).maxLength("displayName", displayName, 100);
        String s = Slugs.problem(slug);
        if (s != null) e.add("slug", s);
        e.maxLength("headline", headline, 160);
        e.maxLength("bio", bio, 2000);
        e.maxLength("website", website, 300).url("website", website);
        if (!Validation.isColor(brandColor)) e.add("brandColor", "error.color");
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException ex) {
            e.add("timeZone", "error.timeZone");
        }
        if (!I18n.LANGUAGES.contains(language)) e.add("language", "error.language");
        return e;
    }
}
