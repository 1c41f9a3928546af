package io.goodword.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real emails received by the GreenMail SMTP server in tests: {@link #await} waits for them (the worker sends in the
 * background), and the static helpers read them. The test database is shared, so other classes' mail may arrive
 * too: wait for a recipient, never for a total count.
 */
public final class Mails {
    /** Long enough for a worker pass on a loaded machine; a wait returns as soon as the mail is there. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final GreenMail greenMail;

    public Mails(GreenMail greenMail) { this.greenMail = greenMail; }

    /** Everything received so far, in order of arrival. */
    public List<MimeMessage> received() { return List.of(greenMail.getReceivedMessages()); }

    /** The first email to this address, once it has arrived. */
    public MimeMessage await(String to) { return await(to, 1).get(0); }

    /** The emails to this address, once at least {@code n} have arrived; fails after {@link #TIMEOUT}. */
    public List<MimeMessage> await(String to, int n) { return await(to, n, m -> true); }

    /** The emails to this address that {@code which} accepts, once at least {@code n} of them have arrived. */
    public List<MimeMessage> await(String to, int n, Predicate<MimeMessage> which) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            MimeMessage[] all = greenMail.getReceivedMessages();
            List<MimeMessage> found = Arrays.stream(all).filter(m -> isTo(m, to) && which.test(m)).toList();
            if (found.size() >= n) return found;
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            // Blocks until one more email arrives (for anyone), or the time is up: no polling.
            if (left <= 0 || !greenMail.waitForIncomingEmail(left, all.length + 1)) {
                throw new AssertionError("fewer than " + n + " emails to " + to + " within " + TIMEOUT.toSeconds()
                        + " s (found " + found.size() + ")");
            }
        }
    }

    /** Whether the address is one of the email's recipients (To, Cc or Bcc), ignoring case and display names. */
    public static boolean isTo(MimeMessage m, String address) {
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> a instanceof InternetAddress ia && address.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject, for predicates ({@code m -> subject(m).contains(…)}). */
    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

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
