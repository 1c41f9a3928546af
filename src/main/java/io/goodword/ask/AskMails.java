package io.goodword.ask;

import io.goodword.mail.Email;
import io.goodword.web.Localizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emails of asking, from the workspace's own wording (or the translated defaults) with placeholders filled in.
 * Placeholder values are plain text: the HTML part escapes them like everything else.
 */
public final class AskMails {
    public static final List<String> PLACEHOLDERS = List.of("{client.firstName}", "{client.name}", "{project.title}",
            "{freelancer.name}", "{link}", "{score}", "{feedback}");
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 5000;

    private AskMails() {}

    /** What a placeholder stands for in one email. */
    public record Values(String clientFirstName, String clientName, String projectTitle, String freelancerName,
                         String link, String score, String feedback) {
        Map<String, String> asMap() {
            return Map.of("{client.firstName}", clientFirstName, "{client.name}", clientName, "{project.title}", projectTitle,
                    "{freelancer.name}", freelancerName, "{link}", link, "{score}", score, "{feedback}", feedback);
        }
    }

    /** Subject and body with placeholders, as edited or by default. */
    public record Wording(String subject, String body) {}

    public static Wording wording(Optional<AskTemplate> custom, AskTemplate.Kind kind, Localizer t) {
        return custom.map(c -> new Wording(c.subject(), c.body()))
                .orElseGet(() -> defaults(kind, t));
    }

    public static Wording defaults(AskTemplate.Kind kind, Localizer t) {
        return new Wording(t.lookup("ask.mail." + kind.db() + ".subject"), t.lookup("ask.mail." + kind.db() + ".body"));
    }

    public static String fill(String text, Values v) {
        String out = text;
        for (Map.Entry<String, String> e : v.asMap().entrySet()) {
            out = out.replace(e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }

    /** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
    public static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!p.isBlank()) out.add(p.strip());
        }
        return out;
    }

    /**
     * The email of this kind to {@code to}. Check-ins and reminders get a button to the link; the freelancer's
     * alert a button to the client page; client emails a footer and an unsubscribe link.
     */
    public static Email build(AskTemplate.Kind kind, Wording w, Values v, String to, String replyTo, String unsubscribeUrl,
                              Localizer t) {
        String subject = fill(w.subject(), v).replace('\n', ' ').strip();
        if (subject.length() > 250) subject = subject.substring(0, 250);
        Email email = new Email(to, subject, null, paragraphs(fill(w.body(), v)), null, null, null, replyTo, null, null);
        switch (kind) {
            case CHECKIN, REMINDER -> email = email.withAction(t.text("ask.mail.action"), v.link());
            case ALERT -> email = email.withAction(t.text("ask.mail.alertAction"), v.link());
            case THANKYOU -> { }
        }
        if (kind != AskTemplate.Kind.ALERT) {
            email = email.withFooter(t.text("ask.mail.footer", v.freelancerName()));
            if (unsubscribeUrl != null) email = email.withUnsubscribe(t.text("mail.unsubscribe"), unsubscribeUrl);
        }
        return email;
    }
}
