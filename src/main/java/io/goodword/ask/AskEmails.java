package io.goodword.ask;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.client.Client;
import io.goodword.client.Project;
import io.goodword.client.ProjectDao;
import io.goodword.mail.Email;
import io.goodword.security.Tokens;
import io.goodword.web.Dates;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What scheduling, the worker and the client's side share: the emails to the client and the freelancer (with their
 * personal links), the workspace's zone for working hours, and the first reminder's moment.
 */
final class AskEmails {
    private final I18n i18n;
    private final String baseUrl;

    AskEmails(I18n i18n, String baseUrl) {
        this.i18n = i18n;
        this.baseUrl = baseUrl;
    }

    String baseUrl() { return baseUrl; }

    Localizer localizer(String language) { return i18n.localizer(language); }

    /**
     * The two secrets of an emailed link. The unsubscribe token travels in List-Unsubscribe, which mail providers
     * and scanners read and store, so it must not be the token that opens the client's check-in.
     */
    record EmailLink(String checkIn, String unsubscribe) {}

    EmailLink newEmailLink(Handle h, long ws, long askId, Instant now) {
        EmailLink link = new EmailLink(Tokens.random(), Tokens.random());
        h.attach(AskDao.class).insertEmailLink(Tokens.sha256(link.checkIn()), Tokens.sha256(link.unsubscribe()), ws, askId, now);
        return link;
    }

    /** An email to the client of this kind, with a fresh pair of links. */
    Email toClient(Handle h, AskTemplate.Kind kind, Ask ask, Client client, Instant now) {
        EmailLink link = newEmailLink(h, ask.workspaceId(), ask.id(), now);
        Workspace ws = h.attach(WorkspaceDao.class).findById(ask.workspaceId()).orElseThrow();
        Localizer t = i18n.localizer(client.language());
        AskMails.Wording w = AskMails.wording(h.attach(AskSettingsDao.class).template(ws.id(), kind.db()), kind, t);
        String unsubscribe = baseUrl + "/u/" + link.unsubscribe();
        String replyTo = h.attach(AskDao.class).freelancerEmail(ws.id()).orElse(null);
        return AskMails.build(kind, w, values(h, ask, client, ws, baseUrl + "/c/" + link.checkIn(), t), client.email(), replyTo,
                unsubscribe, t);
    }

    /** The freelancer's alert about an unhappy client, in the workspace's language. */
    Email alert(Handle h, Ask ask, Client client, Workspace ws, String to, Localizer t) {
        AskMails.Wording w = AskMails.wording(h.attach(AskSettingsDao.class).template(ws.id(), AskTemplate.Kind.ALERT.db()),
                AskTemplate.Kind.ALERT, t);
        return AskMails.build(AskTemplate.Kind.ALERT, w,
                values(h, ask, client, ws, baseUrl + "/admin/clients/" + client.id(), t), to, null, null, t);
    }

    private AskMails.Values values(Handle h, Ask ask, Client client, Workspace ws, String link, Localizer t) {
        String project = ask.projectId() == null ? null
                : h.attach(ProjectDao.class).findById(ws.id(), ask.projectId()).map(Project::title).orElse(null);
        return new AskMails.Values(client.firstName(), client.name(), project != null ? project : t.text("ask.mail.ourWork"),
                ws.displayName(), link, ask.score() == null ? "" : String.valueOf(ask.score()),
                feedbackText(ask, t));
    }

    static String feedbackText(Ask ask, Localizer t) {
        List<String> parts = new ArrayList<>();
        if (ask.comment() != null && !ask.comment().isBlank()) parts.add(ask.comment());
        if (ask.feedback() != null && !ask.feedback().isBlank()) parts.add(ask.feedback());
        return parts.isEmpty() ? t.text("ask.mail.noWords") : String.join("\n\n", parts);
    }

    static Instant firstReminder(AskSettings s, Instant sentAt, ZoneId zone) {
        if (s.maxReminders() < 1) return null;
        return s.nextWorkingMoment(sentAt.plus(Duration.ofDays(s.reminder1Days())), zone);
    }

    static ZoneId zone(Handle h, long ws) {
        return Dates.zone(h.attach(WorkspaceDao.class).findById(ws).map(Workspace::timeZone).orElse(null));
    }
}
