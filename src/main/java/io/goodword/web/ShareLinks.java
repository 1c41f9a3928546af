package io.goodword.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Plain links that hand an address to another app, with {@code text} written around it: no widget scripts, no
 * tracking, and they work without JavaScript. The public channels (LinkedIn, X) for a page worth showing everyone,
 * the personal ones (WhatsApp, a text message, email) for a link meant for one friend.
 */
public record ShareLinks(String url, String text) {

    public String linkedIn() { return "https://www.linkedin.com/sharing/share-offsite/?url=" + encoded(url); }

    public String x() { return "https://twitter.com/intent/tweet?url=" + encoded(url) + "&text=" + encoded(text); }

    /** A mail for the visitor's own mail program: the text as subject, the address as body. */
    public String email() { return "mailto:?subject=" + encoded(text) + "&body=" + encoded(url); }

    /** A mail whose body is the whole message (the text, then the address), under its own subject. */
    public String email(String subject) { return "mailto:?subject=" + encoded(subject) + "&body=" + encoded(message()); }

    /** WhatsApp's documented click-to-chat form: the app opens with the message, the sender picks the chat. */
    public String whatsApp() { return "https://wa.me/?text=" + encoded(message()); }

    /** "sms:?&body=" is the form both iOS and Android fill the message from (RFC 5724 leaves the body to them). */
    public String sms() { return "sms:?&body=" + encoded(message()); }

    private String message() { return text + " " + url; }

    /** RFC 3986 percent-encoding (a space is %20: mailto and sms take "+" literally). */
    static String encoded(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
