package io.goodword.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading real emails received by the GreenMail SMTP server in tests. */
public final class Mails {
    private Mails() {}

    /** The text/plain part (or the whole body when not multipart). */
    public static String text(MimeMessage m) { return part(m, "text/plain"); }

    public static String html(MimeMessage m) { return part(m, "text/html"); }

    /** The first URL in the plain text that starts with {@code prefix}. */
    public static String link(MimeMessage m, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[^\\s\"<>]*").matcher(text(m));
        if (!matcher.find()) throw new AssertionError("No link starting with " + prefix + " in:\n" + text(m));
        return matcher.group();
    }

    private static String part(MimeMessage m, String type) {
        try {
            Object content = m.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart p = mp.getBodyPart(i);
                    if (p.isMimeType(type)) return String.valueOf(p.getContent());
                }
                throw new AssertionError("No " + type + " part");
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
