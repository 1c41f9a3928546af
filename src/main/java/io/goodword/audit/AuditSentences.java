package io.goodword.audit;

import io.goodword.web.Localizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit entries as sentences ("Approved the testimonial of Jonas Berg"): one message per action,
 * {@code audit.action.<action with spaces as dots>}, whose {0} is the name of what the entry is about. That name is
 * looked up in the workspace when the log is shown (the entry stores only ids). An action without a message reads
 * "Made a change (…)" with the raw action, so a new route is never hidden; everything is plain text, escaped by the
 * template.
 */
final class AuditSentences {
    /** Where an entry's detail names what it is about: a generic entry's path, or a feature's "lead 42" / "client #7". */
    private record Subject(Pattern pattern, BiFunction<Long, Long, Optional<String>> name) {}

    private final List<Subject> subjects;
    private final Localizer t;
    private final Map<String, String> names = new HashMap<>();

    AuditSentences(AuditDao dao, Localizer t) {
        this.t = t;
        this.subjects = List.of(
                new Subject(Pattern.compile("^/admin/testimonials/(\\d+)(/|$)"), dao::testimonialName),
                new Subject(Pattern.compile("^(?:/admin/clients/|client #)(\\d+)(/|$|;)"), dao::clientName),
                new Subject(Pattern.compile("^/admin/case-studies/(\\d+)(/|$)"), dao::caseStudyTitle),
                new Subject(Pattern.compile("^(?:/admin/referrals/leads/|lead )(\\d+)(/|$|:|,)"), dao::leadName),
                new Subject(Pattern.compile("^/admin/referrals/programs/(\\d+)(/|$)"), dao::programName),
                new Subject(Pattern.compile("^/admin/referrals/ambassadors/(\\d+)(/|$)"), dao::clientName));
    }

    /** The sentence of one entry of workspace {@code ws}. */
    String sentence(long ws, AuditEntry e) {
        String key = "audit.action." + e.action().replace(' ', '.');
        // "POST /admin/testimonials/{id}/status approve": the verb's own sentence, else the route's
        if (!t.messages().containsKey(key) && e.action().lastIndexOf(' ') > e.action().indexOf(' ')) {
            key = "audit.action." + e.action().substring(0, e.action().lastIndexOf(' ')).replace(' ', '.');
        }
        if (!t.messages().containsKey(key)) return t.text("audit.action.unknown", e.action());
        return t.text(key, subject(ws, e.detail()));
    }

    private String subject(long ws, String detail) {
        if (detail == null) return t.text("audit.subject.unknown");
        for (Subject s : subjects) {
            Matcher m = s.pattern().matcher(detail);
            if (!m.find()) continue;
            long id;
            try {
                id = Long.parseLong(m.group(1));
            } catch (NumberFormatException tooLong) {
                break;
            }
            return names.computeIfAbsent(s.pattern().pattern() + id,
                    k -> s.name().apply(ws, id).filter(n -> !n.isBlank()).orElseGet(() -> t.text("audit.subject.gone")));
        }
        return t.text("audit.subject.unknown");
    }
}
