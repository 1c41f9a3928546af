package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The emails a new testimonial sends, in the workspace's language, queued in the submission's transaction. */
final class TestimonialMails {
    private final Outbox outbox;
    private final I18n i18n;
    private final String baseUrl;

    TestimonialMails(Outbox outbox, I18n i18n, String baseUrl) {
        this.outbox = outbox;
        this.i18n = i18n;
        this.baseUrl = baseUrl;
    }

    void notifyFreelancer(Handle h, Workspace ws, Testimonial t) {
        Localizer l = i18n.localizer(ws.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(l.text("testimonial.mail.new.body", t.name(), t.rating()));
        paragraphs.add("“" + (t.body().length() > 300 ? t.body().substring(0, 300) + "…" : t.body()) + "”");
        if (t.verified()) paragraphs.add(l.text("testimonial.mail.new.verified"));
        for (String to : h.attach(TestimonialDao.class).freelancerEmails(ws.id())) {
            Email mail = Email.of(to, l.text("testimonial.mail.new.subject", t.name(), t.rating()),
                            l.text("testimonial.mail.new.greeting"), paragraphs)
                    .withAction(l.text("testimonial.mail.new.action"), baseUrl + "/admin/testimonials/" + t.id());
            outbox.enqueue(h, ws.id(), "testimonial-new", mail);
        }
    }

    void sendEditLink(Handle h, Workspace ws, Testimonial t, String token) {
        Localizer l = i18n.localizer(ws.language());
        Email mail = Email.of(t.email(), l.text("testimonial.mail.thanks.subject", ws.displayName()),
                        l.text("mail.greeting", t.name()),
                        List.of(l.text("testimonial.mail.thanks.body", ws.displayName()), l.text("testimonial.mail.thanks.edit")))
                .withAction(l.text("testimonial.mail.thanks.action"), baseUrl + "/testimonial/edit/" + token);
        outbox.enqueue(h, ws.id(), "testimonial-edit-link", mail);
    }
}
