package io.goodword.referral;

import io.goodword.mail.Outbox;
import io.goodword.security.Throttle;
import io.goodword.web.I18n;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The referral feature's services, wired once: programs, ambassadors' links, new leads, the pipeline and the
 * rewards ledger. Each part holds one area of the rules; this record only hands them to controllers and steps.
 */
public record Referrals(ReferralPrograms programs, ReferralLinks links, ReferralSubmissions submissions,
                        ReferralPipeline pipeline, RewardLedger rewards) {

    public static Referrals wire(Jdbi jdbi, Outbox outbox, I18n i18n, Throttle throttle, AttributionCookie cookies,
                                 Clock clock, String baseUrl) {
        ReferralPrograms programs = new ReferralPrograms(jdbi.onDemand(ProgramDao.class), clock);
        ReferralMails mails = new ReferralMails(outbox, i18n, baseUrl);
        ReferralLinks links = new ReferralLinks(jdbi, programs, mails, cookies, clock, baseUrl);
        RewardLedger rewards = new RewardLedger(jdbi, programs, mails, clock);
        LeadCredit credit = new LeadCredit(jdbi, i18n, links, rewards);
        return new Referrals(programs, links, new ReferralSubmissions(jdbi, throttle, links, credit, mails,
                new ReferralEvents(baseUrl), clock),
                new ReferralPipeline(jdbi, i18n, programs, credit, rewards, mails, clock), rewards);
    }
}
