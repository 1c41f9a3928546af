package io.goodword.testimonial;

import io.goodword.web.FormErrors;
import io.goodword.web.Uploads;
import io.goodword.web.Validation;
import io.goodword.media.ImageStore;
import io.javalin.http.Context;

/**
 * What a client types into the testimonial form (public page, personal link or private edit link), kept as typed.
 * {@code currentPhoto} is the photo already stored on the testimonial (the private edit link shows it); it always
 * comes from the row, never from the request: a stored file name taken from a visitor would let them claim (and
 * later delete) any other tenant's image.
 */
public record TestimonialForm(String rating, String body, String name, String role, String company, String website,
                              String email, boolean consentPublish, boolean consentShowPhoto, boolean consentShowCompany,
                              String currentPhoto, String nameDisplay, boolean consentCaseStudy,
                              boolean consentReference) {
    public static final int BODY_MIN = 20;

    /** The form without the ledger's later consents (name shown in full, no case studies, no references). */
    public TestimonialForm(String rating, String body, String name, String role, String company, String website,
                           String email, boolean consentPublish, boolean consentShowPhoto, boolean consentShowCompany,
                           String currentPhoto) {
        this(rating, body, name, role, company, website, email, consentPublish, consentShowPhoto, consentShowCompany,
                currentPhoto, NameDisplay.FULL.db(), false, false);
    }
    public static final int BODY_MAX = 2000;

    /** Whether the details the form folds away on a phone hold anything, so they are shown, not hidden behind a button. */
    public boolean hasDetails() {
        return java.util.stream.Stream.of(role, company, website, currentPhoto).anyMatch(v -> v != null && !v.isBlank());
    }

    public static TestimonialForm empty() {
        return new TestimonialForm("", "", "", "", "", "", "", false, false, false, null);
    }

    /**
     * The uploaded photo's bytes, or null; an oversize file becomes a too-large marker the store refuses (so it is
     * never read whole). Every testimonial form reads its photo here (public form, edit link, check-in step).
     */
    public static byte[] uploadedPhoto(Context ctx) {
        Uploads.Upload u = Uploads.read(ctx, "photo", ImageStore.MAX_BYTES);
        return u instanceof Uploads.TooLarge ? new byte[(int) ImageStore.MAX_BYTES + 1] : Uploads.bytesOrNull(u);
    }

    public static TestimonialForm from(Context ctx) {
        return new TestimonialForm(Validation.clean(ctx.formParam("rating")), Validation.clean(ctx.formParam("body")),
                Validation.clean(ctx.formParam("name")), Validation.clean(ctx.formParam("role")),
                Validation.clean(ctx.formParam("company")), Validation.clean(ctx.formParam("website")),
                Validation.clean(ctx.formParam("email")), ctx.formParam("consentPublish") != null,
                ctx.formParam("consentShowPhoto") != null, ctx.formParam("consentShowCompany") != null,
                null, NameDisplay.parse(ctx.formParam("nameDisplay")).db(), ctx.formParam("consentCaseStudy") != null,
                ctx.formParam("consentReference") != null);
    }

    /** The form as the submitter left it, for the private edit link. */
    public static TestimonialForm of(Testimonial t) {
        return new TestimonialForm(String.valueOf(t.rating()), t.body(), t.name(), t.role(), t.company(), t.website(),
                t.email() == null ? "" : t.email(), t.consentPublish(), t.consentShowPhoto(), t.consentShowCompany(),
                t.photoFile(), NameDisplay.parse(t.nameDisplay()).db(), t.consentCaseStudy(), t.consentReference());
    }

    public TestimonialForm withCurrentPhoto(String file) {
        return new TestimonialForm(rating, body, name, role, company, website, email, consentPublish, consentShowPhoto,
                consentShowCompany, file, nameDisplay, consentCaseStudy, consentReference);
    }

    public int ratingValue() {
        try {
            return Integer.parseInt(rating);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean ratingIs(int stars) { return ratingValue() == stars; }

    public boolean nameDisplayIs(String value) { return NameDisplay.parse(nameDisplay).db().equals(value); }

    public String emailOrNull() { return email == null || email.isBlank() ? null : Validation.normalizeEmail(email); }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        int r = ratingValue();
        if (r < 1 || r > 5) e.add("rating", "testimonial.error.rating");
        e.required("body", body);
        if (body != null && !body.isBlank() && body.codePointCount(0, body.length()) < BODY_MIN) {
            e.add("body", "testimonial.error.bodyShort", BODY_MIN);
        }
        e.maxLength("body", body, BODY_MAX);
        e.required("name", name).maxLength("name", name, 100);
        e.maxLength("role", role, 100);
        e.maxLength("company", company, 100);
        e.maxLength("website", website, 300).url("website", website);
        e.maxLength("email", email, 254).email("email", email);
        return e;
    }
}
