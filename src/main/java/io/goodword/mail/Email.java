package io.goodword.mail;

import io.goodword.web.Validation;
import java.util.List;

/**
 * One email's content, before rendering: a greeting, paragraphs, an optional button and a footer.
 * Rendered once as HTML (templates/mail/email.jte) and once as plain text, so both parts always agree.
 */
public record Email(String to, String subject, String greeting, List<String> paragraphs, String actionLabel,
                    String actionUrl, String footer, String replyTo, String unsubscribeUrl,
                    String unsubscribeLabel) {

    public Email {
        paragraphs = List.copyOf(paragraphs);
        // Subjects carry names people typed (a client's, a friend's): one line, no invisible characters.
        subject = Validation.singleLine(subject);
    }

    public static Email of(String to, String subject, String greeting, List<String> paragraphs) {
        return new Email(to, subject, greeting, paragraphs, null, null, null, null, null, null);
    }

    public Email withAction(String label, String url) {
        return new Email(to, subject, greeting, paragraphs, label, url, footer, replyTo, unsubscribeUrl, unsubscribeLabel);
    }

    public Email withFooter(String text) {
        return new Email(to, subject, greeting, paragraphs, actionLabel, actionUrl, text, replyTo, unsubscribeUrl, unsubscribeLabel);
    }

    public Email withReplyTo(String address) {
        return new Email(to, subject, greeting, paragraphs, actionLabel, actionUrl, footer, address, unsubscribeUrl, unsubscribeLabel);
    }

    /** The unsubscribe link, worded in the recipient's language ({@code mail.unsubscribe}) like the rest. */
    public Email withUnsubscribe(String label, String url) {
        return new Email(to, subject, greeting, paragraphs, actionLabel, actionUrl, footer, replyTo, url, label);
    }

    /** The same email with {@code more} paragraphs after its own (a fixed confirmation after editable wording). */
    public Email withMoreParagraphs(List<String> more) {
        List<String> all = new java.util.ArrayList<>(paragraphs);
        all.addAll(more);
        return new Email(to, subject, greeting, all, actionLabel, actionUrl, footer, replyTo, unsubscribeUrl, unsubscribeLabel);
    }

    public boolean hasAction() { return actionUrl != null; }

    /** The plain-text part. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (greeting != null) sb.append(greeting).append("\n\n");
        for (String p : paragraphs) sb.append(p).append("\n\n");
        if (hasAction()) sb.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
        if (footer != null) sb.append("-- \n").append(footer).append('\n');
        if (unsubscribeUrl != null) sb.append('\n').append(unsubscribeLabel).append(": ").append(unsubscribeUrl).append('\n');
        return sb.toString();
    }
}
