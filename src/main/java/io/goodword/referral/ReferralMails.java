package io.goodword.referral;

import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The emails of referrals, each in its reader's language and queued in the caller's transaction: the ambassador's
 * link, the freelancer's new-lead alert, the referrer's choice of reward and their thank-you.
 */
final class ReferralMails {
    private final Outbox outbox;
    private final I18n i18n;
    private final String baseUrl;

    ReferralMails(Outbox outbox, I18n i18n, String baseUrl) {
        this.outbox = outbox;
        this.i18n = i18n;
        this.baseUrl = baseUrl;
    }

    String rewardChoiceUrl(String token) { return baseUrl + "/reward/" + token; }

    /** The client's personal link for this program. */
    void link(Handle h, long workspaceId, ClientRef client, Program program, String url) {
        WorkspaceRef ws = h.attach(LinkDao.class).workspace(workspaceId).orElseThrow();
        Localizer t = i18n.localizer(client.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t.text("referral.mail.link.body", ws.displayName()));
        if (program.referrerReward().present()) {
            paragraphs.add(t.text("referral.mail.link.reward", program.referrerReward().describe(t)));
        }
        Email email = Email.of(client.email(), t.text("referral.mail.link.subject", ws.displayName()),
                        t.text("referral.mail.greeting", client.firstName()), paragraphs)
                .withAction(t.text("referral.mail.link.action"), url).withFooter(ws.displayName());
        outbox.enqueue(h, workspaceId, "referral-link", email);
    }

    void alertFreelancer(Handle h, long workspaceId, Lead lead) {
        if (!h.attach(ProgramDao.class).settingsOrDefault(workspaceId).notifyFreelancer()) return;
        LinkDao lk = h.attach(LinkDao.class);
        WorkspaceRef ws = lk.workspace(workspaceId).orElseThrow();
        Localizer t = i18n.localizer(ws.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lead.referred() ? t.text("referral.mail.alert.referred", lead.name(), lead.email(), lead.referrerName())
                : t.text("referral.mail.alert.direct", lead.name(), lead.email()));
        paragraphs.add(lead.message());
        if (lead.held()) paragraphs.add(t.text("referral.mail.alert.held"));
        for (String to : lk.accountEmails(workspaceId)) {
            outbox.enqueue(h, workspaceId, "referral-new-lead", Email.of(to, t.text("referral.mail.alert.subject", lead.name()),
                            null, paragraphs)
                    .withAction(t.text("referral.mail.alert.action"), baseUrl + "/admin/referrals/leads/" + lead.id()));
        }
    }

    /** Emails the referrer their private link to choose the form of their reward (once per reward). */
    void offerChoice(Handle h, Lead lead, String token) {
        if (lead.referrerEmail() == null || lead.referrerEmail().isBlank()) return;
        LinkDao lk = h.attach(LinkDao.class);
        ClientRef referrer = lk.client(lead.workspaceId(), lead.referrerClientId()).orElse(null);
        if (referrer == null) return;
        WorkspaceRef ws = lk.workspace(lead.workspaceId()).orElseThrow();
        Localizer t = i18n.localizer(referrer.language());
        Email email = Email.of(referrer.email(), t.text("referral.mail.choice.subject", ws.displayName()),
                        t.text("referral.mail.greeting", referrer.firstName()),
                        List.of(t.text("referral.mail.choice.body", firstName(lead.name()), ws.displayName())))
                .withAction(t.text("referral.mail.choice.action"), rewardChoiceUrl(token)).withFooter(ws.displayName());
        outbox.enqueue(h, lead.workspaceId(), "referral-choice", email);
    }

    void thankReferrer(Handle h, Lead lead, Instant now) {
        if (!lead.referred() || lead.referrerEmail() == null || lead.referrerEmail().isBlank()) return;
        if (!h.attach(ProgramDao.class).settingsOrDefault(lead.workspaceId()).notifyReferrer()) return;
        String dedupeKey = "referral-thanks-" + lead.id();
        if (h.attach(LeadDao.class).queued(lead.workspaceId(), dedupeKey) > 0) return; // thanked once, ever
        LinkDao lk = h.attach(LinkDao.class);
        ClientRef referrer = lk.client(lead.workspaceId(), lead.referrerClientId()).orElse(null);
        WorkspaceRef ws = lk.workspace(lead.workspaceId()).orElseThrow();
        if (referrer == null) return;
        Localizer t = i18n.localizer(referrer.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t.text("referral.mail.thanks.body", firstName(lead.name()), ws.displayName()));
        h.attach(RewardDao.class).forLead(lead.workspaceId(), lead.id()).stream()
                .filter(r -> r.beneficiary() == Reward.Beneficiary.REFERRER && r.status() != Reward.Status.CANCELLED)
                .findFirst()
                .ifPresent(r -> paragraphs.add(t.text("referral.mail.thanks.reward", r.describe(t), ws.displayName())));
        Email email = Email.of(referrer.email(), t.text("referral.mail.thanks.subject", ws.displayName()),
                t.text("referral.mail.greeting", referrer.firstName()), paragraphs).withFooter(ws.displayName());
        outbox.schedule(h, lead.workspaceId(), "referral-thanks", dedupeKey, email, now);
    }

    private static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }
}
