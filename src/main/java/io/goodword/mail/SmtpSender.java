package io.goodword.mail;

import io.goodword.Config;
import io.goodword.web.Validation;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/** Sends one outbox message over SMTP (Jakarta Mail / Angus) as multipart/alternative: text, then HTML. */
public final class SmtpSender {
    private final Config.Smtp smtp;
    private final Session session;

    public SmtpSender(Config.Smtp smtp) {
        this.smtp = smtp;
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        // Every socket operation is bounded, so a server that accepts and never answers costs the worker at most
        // these; request threads never talk to SMTP at all (they only write the outbox).
        long timeoutMillis = smtp.timeoutSeconds() * 1000L;
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis / 2));
        p.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        p.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        // The name we greet the server with; without it Jakarta Mail resolves the machine's own host name on
        // every message, which can take seconds where that name has no DNS entry.
        p.put("mail.smtp.localhost", heloName(smtp.from()));
        if (smtp.tls()) {
            p.put("mail.smtp.ssl.enable", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        } else {
            p.put("mail.smtp.starttls.enable", "true"); // upgrade when the server offers it
        }
        Authenticator auth = null;
        if (smtp.user() != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.user(), smtp.password());
                }
            };
        }
        this.session = Session.getInstance(p, auth);
    }

    private static String heloName(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (Exception e) {
            return "localhost";
        }
    }

    /**
     * Exactly one bare address, or an error (the message then waits in the outbox as failed). A list parser would
     * turn "a,b@example.com" into two recipients, and "Name <x@y>" would send to someone other than the stored text.
     */
    static InternetAddress singleAddress(String address) throws AddressException {
        if (address == null) throw new AddressException("no address");
        InternetAddress parsed = new InternetAddress(address.strip(), true);
        if (parsed.getPersonal() != null || !parsed.getAddress().equals(address.strip()) || !Validation.isEmail(parsed.getAddress())) {
            throw new AddressException("not a single plain address", Validation.maskEmail(address));
        }
        return parsed;
    }

    /**
     * How long a worker holds a claimed message. One {@link #send} is at most connecting plus about a dozen bounded
     * reads and writes (greeting, EHLO, STARTTLS and its handshake, EHLO, AUTH, MAIL, RCPT, DATA, body, reply, QUIT),
     * i.e. 13 timeouts; two more leave room for the database writes around it. 20 s timeouts give 5 minutes.
     */
    public java.time.Duration lease() {
        return java.time.Duration.ofSeconds(smtp.timeoutSeconds()).multipliedBy(15);
    }

    public void send(OutboxMessage m) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress(smtp.from()));
        msg.setRecipient(Message.RecipientType.TO, singleAddress(m.toAddress()));
        if (m.replyTo() != null) msg.setReplyTo(new InternetAddress[] {singleAddress(m.replyTo())});
        msg.setSubject(Validation.singleLine(m.subject()), "UTF-8");
        if (m.unsubscribeUrl() != null) {
            msg.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
            msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        msg.setHeader("X-Goodword-Message", String.valueOf(m.id()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.textBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.htmlBody(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        msg.setContent(alternative);
        msg.saveChanges();
        Transport.send(msg);
    }
}
