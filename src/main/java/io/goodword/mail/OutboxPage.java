package io.goodword.mail;

import io.goodword.web.Dates;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The workspace's sent and waiting emails; {@code selected} is the one opened, or null. */
public record OutboxPage(Shell shell, List<OutboxMessage> messages, OutboxMessage selected, boolean smtpConfigured,
                         Pager pager, Dates dates) {
    /** Only web addresses become links (never javascript: or other schemes); a trailing full stop stays text. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    /** A piece of the opened email's text: plain text, or a web address to show as a link. */
    public record Part(String text, boolean link) {}

    /** The opened email's plain text in pieces, so the links in it can be followed from the outbox. */
    public List<Part> selectedParts() {
        List<Part> parts = new ArrayList<>();
        if (selected == null || selected.textBody() == null) return parts;
        String body = selected.textBody();
        Matcher m = URL.matcher(body);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) parts.add(new Part(body.substring(at, m.start()), false));
            parts.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < body.length()) parts.add(new Part(body.substring(at), false));
        return parts;
    }
}
