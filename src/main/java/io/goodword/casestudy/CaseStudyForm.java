package io.goodword.casestudy;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The case study editor as typed. Lists keep the user's rows, even the half-filled ones, until saved. */
public record CaseStudyForm(String title, String slug, String clientId, String anonymousClient, String industry,
                            String services, String summary, String challenge, String approach, String results,
                            List<KeyResult> keyResults, List<String> testimonialIds, String ctaText, String ctaUrl,
                            String coverFile, boolean removeCover) {
    public static final int KEY_RESULT_ROWS = 6;
    public static final int MAX_TITLE = 160;
    public static final int MAX_SLUG = 80;
    public static final int MAX_SHORT = 200;
    public static final int MAX_SERVICES = 300;
    public static final int MAX_SUMMARY = 600;
    public static final int MAX_SECTION = 20_000;
    public static final int MAX_KEY_LABEL = 60;
    public static final int MAX_KEY_VALUE = 30;
    public static final int MAX_CTA_TEXT = 80;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public CaseStudyForm {
        keyResults = List.copyOf(keyResults);
        testimonialIds = List.copyOf(testimonialIds);
    }

    public static CaseStudyForm empty() {
        return new CaseStudyForm("", "", "", "", "", "", "", "", "", "", List.of(), List.of(), "", "", null, false);
    }

    public static CaseStudyForm of(CaseStudyContent c) {
        return new CaseStudyForm(c.title(), c.slug(), c.clientId() == null ? "" : String.valueOf(c.clientId()),
                c.anonymousClient(), c.industry(), c.services(), c.summary(), c.challengeMd(), c.approachMd(),
                c.resultsMd(), c.keyResults(), c.testimonialIds().stream().map(String::valueOf).toList(), c.ctaText(),
                c.ctaUrl(), c.coverFile(), false);
    }

    public static CaseStudyForm from(Context ctx) {
        List<String> labels = ctx.formParams("keyLabel");
        List<String> values = ctx.formParams("keyValue");
        List<KeyResult> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(KEY_RESULT_ROWS, Math.max(labels.size(), values.size())); i++) {
            String l = i < labels.size() ? Validation.clean(labels.get(i)) : "";
            String v = i < values.size() ? Validation.clean(values.get(i)) : "";
            if (!l.isEmpty() || !v.isEmpty()) rows.add(new KeyResult(l, v));
        }
        // The cover is never taken from the request (a file name is another tenant's image away, as in review
        // finding H1): the controller sets it from this request's upload, a signed pending upload, or the row.
        return new CaseStudyForm(Validation.clean(ctx.formParam("title")),
                Validation.clean(ctx.formParam("slug")).toLowerCase(Locale.ROOT),
                Validation.clean(ctx.formParam("clientId")), Validation.clean(ctx.formParam("anonymousClient")),
                Validation.clean(ctx.formParam("industry")), Validation.clean(ctx.formParam("services")),
                Validation.clean(ctx.formParam("summary")), text(ctx.formParam("challenge")),
                text(ctx.formParam("approach")), text(ctx.formParam("results")), rows,
                ctx.formParams("testimonial").stream().map(Validation::clean).distinct().limit(50).toList(),
                Validation.clean(ctx.formParam("ctaText")), Validation.clean(ctx.formParam("ctaUrl")),
                null, ctx.formParam("removeCover") != null);
    }

    /** Markdown keeps its inner line breaks; only the ends are trimmed and line endings unified. */
    private static String text(String s) { return Validation.clean(s).replace("\r\n", "\n"); }

    /** The slug as it will be saved: typed, or made from the title when left empty. */
    public String effectiveSlug() { return slug.isEmpty() ? slugify(title) : slug; }

    public Long clientIdOrNull() {
        try {
            return clientId.isEmpty() ? null : Long.parseLong(clientId);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    public List<Long> testimonialIdList() {
        List<Long> ids = new ArrayList<>();
        for (String s : testimonialIds) {
            try {
                ids.add(Long.parseLong(s));
            } catch (NumberFormatException ignored) {
                // not one of ours: dropped by validation against the publishable list
            }
        }
        return ids;
    }

    public boolean hasTestimonial(long id) { return testimonialIds.contains(String.valueOf(id)); }

    /** The key-result rows for the editor: what was typed, then empty rows up to the maximum. */
    public List<KeyResult> keyResultRows() {
        List<KeyResult> rows = new ArrayList<>(keyResults);
        while (rows.size() < KEY_RESULT_ROWS) rows.add(new KeyResult("", ""));
        return rows;
    }

    public CaseStudyForm withCover(String file, boolean remove) {
        return new CaseStudyForm(title, slug, clientId, anonymousClient, industry, services, summary, challenge,
                approach, results, keyResults, testimonialIds, ctaText, ctaUrl, file, remove);
    }

    /** Checks that need no database: presence, lengths, shapes. */
    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("title", title).maxLength("title", title, MAX_TITLE);
        String s = effectiveSlug();
        if (s.isEmpty()) e.add("slug", "error.required");
        else if (s.length() > MAX_SLUG) e.add("slug", "error.tooLong", MAX_SLUG);
        else if (!SLUG.matcher(s).matches()) e.add("slug", "casestudy.error.slugShape");
        e.maxLength("anonymousClient", anonymousClient, MAX_SHORT);
        e.maxLength("industry", industry, MAX_SHORT);
        e.maxLength("services", services, MAX_SERVICES);
        e.maxLength("summary", summary, MAX_SUMMARY);
        e.maxLength("challenge", challenge, MAX_SECTION);
        e.maxLength("approach", approach, MAX_SECTION);
        e.maxLength("results", results, MAX_SECTION);
        for (KeyResult k : keyResults) {
            if (k.label().isEmpty() || k.value().isEmpty()) e.add("keyResults", "casestudy.error.keyResultPair");
            if (k.label().codePointCount(0, k.label().length()) > MAX_KEY_LABEL
                    || k.value().codePointCount(0, k.value().length()) > MAX_KEY_VALUE) {
                e.add("keyResults", "casestudy.error.keyResultLength", MAX_KEY_LABEL, MAX_KEY_VALUE);
            }
        }
        e.maxLength("ctaText", ctaText, MAX_CTA_TEXT);
        e.maxLength("ctaUrl", ctaUrl, 300).url("ctaUrl", ctaUrl);
        if (ctaText.isEmpty() != ctaUrl.isEmpty()) {
            e.add(ctaText.isEmpty() ? "ctaText" : "ctaUrl", "casestudy.error.ctaPair");
        }
        if (clientIdOrNull() != null && clientIdOrNull() < 0) e.add("clientId", "casestudy.error.client");
        return e;
    }

    /** "Acme: 38% more leads!" → "acme-38-more-leads". */
    public static String slugify(String s) {
        String ascii = java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("ß", "ss").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_SLUG) slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        return slug;
    }
}
