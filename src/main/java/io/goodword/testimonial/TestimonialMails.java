package io.goodword.testimonial;

import io.goodword.web.SitePaths;
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

    // ---- after publication: the author's link, proposals, confirmations ----

    /** Tells the author their words are live, with a private link to withdraw, change consents or propose new words. */
    void sendPublished(Handle h, Workspace ws, Testimonial t, String token) {
        // where it is public: the author may want to share it (its page has a picture for link previews)
        Localizer l = i18n.localizer(ws.language());
        toAuthor(h, ws, t, token, "testimonial.mail.published.subject", "testimonial.mail.published.body", "testimonial-published",
                l.text("testimonial.mail.published.share", baseUrl + SitePaths.testimonial(ws.slug(), t.id())));
    }

    /** Asks the author to approve the freelancer's edit of their words (nothing changes publicly until they do). */
    void sendProposal(Handle h, Workspace ws, Testimonial t, String token) {
        toAuthor(h, ws, t, token, "testimonial.mail.proposal.subject", "testimonial.mail.proposal.body", "testimonial-proposal", null);
    }

    /** {@code extra}: a paragraph after the body, or null. */
    private void toAuthor(Handle h, Workspace ws, Testimonial t, String token, String subject, String body, String kind,
                          String extra) {
        if (t.email() == null) return;
        Localizer l = i18n.localizer(ws.language());
        List<String> paragraphs = new ArrayList<>(List.of(l.text(body, ws.displayName())));
        if (extra != null) paragraphs.add(extra);
        paragraphs.add(l.text("testimonial.mail.author.control"));
        Email mail = Email.of(t.email(), l.text(subject, ws.displayName()), l.text("mail.greeting", t.name()), paragraphs)
                .withAction(l.text("testimonial.mail.author.action"), baseUrl + "/testimonial/edit/" + token);
        outbox.enqueue(h, ws.id(), kind, mail);
    }

    /** Asks a client to confirm that a hand-typed or imported testimonial is theirs. */
    void sendConfirmRequest(Handle h, Workspace ws, String to, String clientName, String token) {
        Localizer l = i18n.localizer(ws.language());
        Email mail = Email.of(to, l.text("testimonial.mail.confirm.subject", ws.displayName()), l.text("mail.greeting", clientName),
                        List.of(l.text("testimonial.mail.confirm.body", ws.displayName())))
                .withAction(l.text("testimonial.mail.confirm.action"), baseUrl + "/testimonial/confirm/" + token);
        outbox.enqueue(h, ws.id(), "testimonial-confirm", mail);
    }

    /** Tells the freelancer that the author changed something through their link (new words to approve, a withdrawal). */
    void notifyAuthorAction(Handle h, Workspace ws, Testimonial t, String what) {
        Localizer l = i18n.localizer(ws.language());
        for (String to : h.attach(TestimonialDao.class).freelancerEmails(ws.id())) {
            Email mail = Email.of(to, l.text("testimonial.mail.author." + what + ".subject", t.name()),
                            l.text("testimonial.mail.new.greeting"), List.of(l.text("testimonial.mail.author." + what + ".body", t.name())))
                    .withAction(l.text("testimonial.mail.new.action"), baseUrl + "/admin/testimonials/" + t.id());
            outbox.enqueue(h, ws.id(), "testimonial-author-" + what, mail);
        }
    }
}
