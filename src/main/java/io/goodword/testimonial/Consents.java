package io.goodword.testimonial;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current consents of one testimonial, as a whole. {@link #WORDING} names the version of the consent texts
 * the person saw (the testimonial.form.consent* messages); change it whenever their meaning changes, so the ledger
 * tells which wording each consent was given under.
 */
public record Consents(boolean publish, NameDisplay name, boolean photo, boolean company, boolean caseStudy,
                       boolean reference) {
    public static final String WORDING = "2026-12";

    public static Consents of(Testimonial t) {
        return new Consents(t.consentPublish(), NameDisplay.parse(t.nameDisplay()), t.consentShowPhoto(),
                t.consentShowCompany(), t.consentCaseStudy(), t.consentReference());
    }

    public static Consents of(TestimonialForm f) {
        return new Consents(f.consentPublish(), NameDisplay.parse(f.nameDisplay()), f.consentShowPhoto(),
                f.consentShowCompany(), f.consentCaseStudy(), f.consentReference());
    }

    /** The consent fields of a posted form (an unchecked box is a consent not given). */
    public static Consents from(Context ctx) {
        return new Consents(ctx.formParam("consentPublish") != null, NameDisplay.parse(ctx.formParam("nameDisplay")),
                ctx.formParam("consentShowPhoto") != null, ctx.formParam("consentShowCompany") != null,
                ctx.formParam("consentCaseStudy") != null, ctx.formParam("consentReference") != null);
    }

    /** Withdrawn: nothing may be shown or quoted any more. */
    public Consents withdrawn() { return new Consents(false, name, false, false, false, false); }

    /** Each consent as the ledger records it: granted, and the option chosen (the name's display only). */
    Map<ConsentKind, Boolean> granted() {
        Map<ConsentKind, Boolean> m = new LinkedHashMap<>();
        m.put(ConsentKind.PUBLISH, publish);
        m.put(ConsentKind.NAME, name != NameDisplay.ANONYMOUS);
        m.put(ConsentKind.PHOTO, photo);
        m.put(ConsentKind.COMPANY, company);
        m.put(ConsentKind.CASE_STUDY, caseStudy);
        m.put(ConsentKind.REFERENCE, reference);
        return m;
    }
}
