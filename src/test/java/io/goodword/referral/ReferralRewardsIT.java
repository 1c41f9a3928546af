package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Mails;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rewards: created once when the trigger is reached, caps, pause, fraud holds, the ledger's CSV, and the emails. */
class ReferralRewardsIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail();
    static Referrals service;

    @BeforeAll
    static void start() {
        service = ReferralData.service(app.baseUrl());
    }

    record Setup(Fixtures.Freelancer f, Http admin, long program, long client, String clientEmail, String code) {
        long ws() { return f.workspaceId(); }
    }

    static Setup setup(String trigger, String cap, String minDeal) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long program = ReferralData.jdbi().onDemand(ProgramDao.class)
                .insert(f.workspaceId(), ReferralData.program(Fixtures.unique("Prog"), trigger, cap, minDeal));
        String u = Fixtures.unique("ada");
        String email = u + "@lovelace.example";
        long client = ReferralData.client(f.workspaceId(), "Ada Lovelace " + u, email);
        String code = service.links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        return new Setup(f, Fixtures.signedIn(app, f), program, client, email, code);
    }

    /** A friend's lead through the ambassador's link, from its own IP (so no burst rule fires unless wanted). */
    static long friendLead(Setup s, String email, String ip) {
        ReferralLinks.LinkContext lc = service.links().resolve(s.code()).orElseThrow();
        ReferralSubmissions.Submission sub = service.submissions().submitViaLink(lc, ReferralData.friendForm("Bob Friend", email), ip,
                io.goodword.security.FormGuard.Once.none());
        assertThat(sub.outcome()).isEqualTo(ReferralSubmissions.Outcome.SAVED);
        return sub.leadId();
    }

    static long friendLead(Setup s) {
        return friendLead(s, Fixtures.unique("bob") + "@bakery.example", "10." + (int) (Math.random() * 250) + ".1." + (int) (Math.random() * 250));
    }

    static int outboxCount(long ws, String kind) {
        return ReferralData.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND kind = :k")
                .bind("ws", ws).bind("k", kind).mapTo(Integer.class).one());
    }

    @Test
    void winning_a_deal_creates_pending_rewards_for_referrer_and_friend_exactly_once_even_when_repeated() {
        Setup s = setup("WON", "", "");
        long lead = friendLead(s);
        assertThat(ReferralData.moveTo(s.admin(), lead, "CONTACTED", "").status()).isEqualTo(303);
        assertThat(ReferralData.moveTo(s.admin(), lead, "QUALIFIED", "").status()).isEqualTo(303);
        assertThat(ReferralData.rewards(s.ws(), lead)).isEmpty();
        assertThat(ReferralData.moveTo(s.admin(), lead, "WON", "1500").status()).isEqualTo(303);
        ReferralData.moveTo(s.admin(), lead, "QUALIFIED", "");
        ReferralData.moveTo(s.admin(), lead, "WON", "1500");
        ReferralData.moveTo(s.admin(), lead, "WON", "1600");
        List<Reward> rewards = ReferralData.rewards(s.ws(), lead);
        assertThat(rewards).extracting(Reward::beneficiary).containsExactlyInAnyOrder(Reward.Beneficiary.REFERRER, Reward.Beneficiary.FRIEND);
        assertThat(rewards).allMatch(r -> r.status() == Reward.Status.PENDING && !r.held());
        Reward referrer = rewards.stream().filter(r -> r.beneficiary() == Reward.Beneficiary.REFERRER).findFirst().orElseThrow();
        assertThat(referrer.amount()).isEqualByComparingTo("50");
        assertThat(referrer.currency()).isEqualTo("EUR");
        assertThat(referrer.clientId()).isEqualTo(s.client());
        assertThat(outboxCount(s.ws(), "referral-thanks")).isEqualTo(1);
        Lead l = ReferralData.lead(s.ws(), lead);
        assertThat(l.wonAt()).isNotNull();
        assertThat(l.contactedAt()).isNotNull();
        assertThat(ReferralData.jdbi().onDemand(LeadDao.class).events(s.ws(), lead)).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void concurrent_requests_reaching_the_trigger_create_each_reward_once() throws Exception {
        Setup s = setup("QUALIFIED", "", "");
        long lead = friendLead(s);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String status = i % 2 == 0 ? "QUALIFIED" : "WON";
            results.add(pool.submit(() -> {
                go.await();
                return ReferralData.moveTo(s.admin(), lead, status, "900").status();
            }));
        }
        go.countDown();
        for (Future<Integer> f : results) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(303);
        pool.shutdown();
        List<Reward> rewards = ReferralData.rewards(s.ws(), lead);
        assertThat(rewards).hasSize(2);
        assertThat(outboxCount(s.ws(), "referral-thanks")).isLessThanOrEqualTo(1);
    }

    @Test
    void the_cap_per_referrer_stops_rewards_after_the_limit_but_friends_still_get_theirs() {
        Setup s = setup("QUALIFIED", "2", "");
        List<Long> leads = List.of(friendLead(s), friendLead(s), friendLead(s));
        for (long lead : leads) ReferralData.moveTo(s.admin(), lead, "QUALIFIED", "");
        long referrerRewards = leads.stream().flatMap(l -> ReferralData.rewards(s.ws(), l).stream())
                .filter(r -> r.beneficiary() == Reward.Beneficiary.REFERRER).count();
        assertThat(referrerRewards).isEqualTo(2);
        assertThat(ReferralData.rewards(s.ws(), leads.get(2))).extracting(Reward::beneficiary).containsExactly(Reward.Beneficiary.FRIEND);
    }

    @Test
    void a_minimum_deal_value_means_small_deals_earn_nothing() {
        Setup s = setup("WON", "", "1000");
        long small = friendLead(s);
        long big = friendLead(s);
        ReferralData.moveTo(s.admin(), small, "WON", "999.99");
        ReferralData.moveTo(s.admin(), big, "WON", "1000");
        assertThat(ReferralData.rewards(s.ws(), small)).isEmpty();
        assertThat(ReferralData.rewards(s.ws(), big)).hasSize(2);
    }

    @Test
    void pausing_a_program_stops_new_rewards_and_keeps_existing_ones() {
        Setup s = setup("QUALIFIED", "", "");
        long before = friendLead(s);
        long after = friendLead(s);
        ReferralData.moveTo(s.admin(), before, "QUALIFIED", "");
        assertThat(s.admin().post("/admin/referrals/programs/" + s.program() + "/pause", Map.of()).status()).isEqualTo(303);
        ReferralData.moveTo(s.admin(), after, "QUALIFIED", "");
        assertThat(ReferralData.rewards(s.ws(), after)).isEmpty();
        assertThat(ReferralData.rewards(s.ws(), before)).hasSize(2).allMatch(r -> r.status() == Reward.Status.PENDING);
        Reward r = ReferralData.rewards(s.ws(), before).get(0);
        assertThat(s.admin().post("/admin/referrals/rewards/" + r.id() + "/fulfil", Map.of("note", "VOUCHER-1")).status()).isEqualTo(303);
        assertThat(service.rewards().reward(s.ws(), r.id()).status()).isEqualTo(Reward.Status.FULFILLED);
        // the landing page no longer promises the friend a reward
        assertThat(app.http().get("/r/" + s.code()).html().select("#friend-reward")).isEmpty();
        s.admin().post("/admin/referrals/programs/" + s.program() + "/resume", Map.of());
        ReferralData.moveTo(s.admin(), after, "WON", "10");
        assertThat(ReferralData.rewards(s.ws(), after)).hasSize(2);
    }

    @Test
    void the_friend_using_the_referrers_own_email_is_flagged_and_its_rewards_held_until_cleared() {
        Setup s = setup("QUALIFIED", "", "");
        long lead = friendLead(s, s.clientEmail().toUpperCase(), "10.9.9.1");
        Lead l = ReferralData.lead(s.ws(), lead);
        assertThat(l.review()).isEqualTo(Lead.Review.HELD);
        assertThat(l.reasons()).contains(FraudRules.Reason.SELF_REFERRAL);
        assertThat(s.admin().get("/admin/referrals/leads/" + lead).html().select(".fraud-reason").eachAttr("data-reason"))
                .contains("SELF_REFERRAL");
        ReferralData.moveTo(s.admin(), lead, "QUALIFIED", "");
        List<Reward> held = ReferralData.rewards(s.ws(), lead);
        assertThat(held).hasSize(2).allMatch(Reward::held);
        Http.Response refused = s.admin().post("/admin/referrals/rewards/" + held.get(0).id() + "/fulfil", Map.of("note", "x"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#reward-" + held.get(0).id() + " #form-error").text()).contains("held");
        assertThat(s.admin().post("/admin/referrals/leads/" + lead + "/review", Map.of("decision", "clear")).status()).isEqualTo(303);
        assertThat(ReferralData.rewards(s.ws(), lead)).noneMatch(Reward::held);
        assertThat(s.admin().post("/admin/referrals/rewards/" + held.get(0).id() + "/approve", Map.of()).status()).isEqualTo(303);
        assertThat(service.rewards().reward(s.ws(), held.get(0).id()).status()).isEqualTo(Reward.Status.APPROVED);
    }

    @Test
    void an_existing_clients_email_is_flagged_and_rejecting_the_lead_cancels_its_held_rewards() {
        Setup s = setup("QUALIFIED", "", "");
        String existing = Fixtures.unique("old") + "@oldclient.example";
        ReferralData.client(s.ws(), "Old Client", existing);
        long lead = friendLead(s, existing, "10.9.9.2");
        assertThat(ReferralData.lead(s.ws(), lead).reasons()).containsExactly(FraudRules.Reason.EXISTING_CLIENT);
        ReferralData.moveTo(s.admin(), lead, "QUALIFIED", "");
        s.admin().post("/admin/referrals/leads/" + lead + "/review", Map.of("decision", "reject"));
        assertThat(ReferralData.lead(s.ws(), lead).review()).isEqualTo(Lead.Review.REJECTED);
        assertThat(ReferralData.rewards(s.ws(), lead)).hasSize(2).allMatch(r -> r.status() == Reward.Status.CANCELLED);
    }

    @Test
    void an_email_already_on_a_lead_is_flagged() {
        Setup s = setup("WON", "", "");
        String email = Fixtures.unique("twice") + "@twice.example";
        long first = friendLead(s, email, "10.9.9.3");
        long second = friendLead(s, email, "10.9.9.4");
        assertThat(ReferralData.lead(s.ws(), first).review()).isEqualTo(Lead.Review.NONE);
        assertThat(ReferralData.lead(s.ws(), second).reasons()).containsExactly(FraudRules.Reason.EXISTING_LEAD);
        assertThat(ReferralData.lead(s.ws(), second).review()).isEqualTo(Lead.Review.HELD);
    }

    @Test
    void a_friend_on_the_referrers_company_domain_is_flagged_but_not_on_a_webmail_domain() {
        Setup s = setup("WON", "", "");
        long colleague = friendLead(s, Fixtures.unique("col") + "@lovelace.example", "10.9.9.5");
        long webmail = friendLead(s, Fixtures.unique("web") + "@gmail.com", "10.9.9.6");
        assertThat(ReferralData.lead(s.ws(), colleague).reasons()).containsExactly(FraudRules.Reason.SAME_DOMAIN);
        assertThat(ReferralData.lead(s.ws(), webmail).reasons()).isEmpty();
    }

    @Test
    void many_leads_from_one_ip_within_an_hour_are_flagged_and_kept() {
        Setup s = setup("WON", "", "");
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) leads.add(friendLead(s, Fixtures.unique("ip") + "@ip" + i + ".example", "10.7.7.7"));
        assertThat(ReferralData.lead(s.ws(), leads.get(1)).review()).isEqualTo(Lead.Review.NONE);
        assertThat(ReferralData.lead(s.ws(), leads.get(2)).reasons()).containsExactly(FraudRules.Reason.IP_BURST);
        assertThat(s.admin().get("/admin/referrals?status=HELD").html().select("tr.lead-row").eachAttr("data-lead"))
                .containsExactly(String.valueOf(leads.get(2)));
    }

    @Test
    void many_leads_through_one_code_within_an_hour_are_flagged() {
        Setup s = setup("WON", "", "");
        List<Long> leads = new ArrayList<>();
        for (int i = 0; i < 5; i++) leads.add(friendLead(s, Fixtures.unique("c") + "@code" + i + ".example", "10.6." + i + ".1"));
        assertThat(ReferralData.lead(s.ws(), leads.get(3)).review()).isEqualTo(Lead.Review.NONE);
        assertThat(ReferralData.lead(s.ws(), leads.get(4)).reasons()).containsExactly(FraudRules.Reason.CODE_BURST);
    }

    @Test
    void the_csv_export_matches_the_ledger_row_for_row() throws Exception {
        Setup s = setup("QUALIFIED", "", "");
        long a = friendLead(s);
        long b = friendLead(s);
        ReferralData.moveTo(s.admin(), a, "QUALIFIED", "");
        ReferralData.moveTo(s.admin(), b, "WON", "300");
        Reward toFulfil = ReferralData.rewards(s.ws(), a).get(0);
        Reward toCancel = ReferralData.rewards(s.ws(), b).get(1);
        s.admin().post("/admin/referrals/rewards/" + toFulfil.id() + "/fulfil", Map.of("note", "=HYPERLINK(\"x\")"));
        s.admin().post("/admin/referrals/rewards/" + toCancel.id() + "/cancel", Map.of("reason", "Client asked for none"));
        Http.Response r = s.admin().get("/admin/referrals/rewards.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.body())).getRecords();
        List<Reward> ledger = ReferralData.jdbi().onDemand(RewardDao.class).all(s.ws());
        assertThat(rows).hasSize(ledger.size()).hasSize(4);
        for (int i = 0; i < ledger.size(); i++) {
            Reward l = ledger.get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("id")).isEqualTo(String.valueOf(l.id()));
            assertThat(row.get("status")).isEqualTo(l.status().name());
            assertThat(row.get("beneficiary")).isEqualTo(l.beneficiary().name());
            assertThat(row.get("recipient")).isEqualTo(l.recipientName());
            assertThat(row.get("amount")).isEqualTo(l.amount() == null ? "" : l.amount().setScale(2).toPlainString());
        }
        assertThat(rows.stream().filter(x -> x.get("status").equals("FULFILLED")).findFirst().orElseThrow().get("note"))
                .isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows.stream().filter(x -> x.get("status").equals("CANCELLED")).findFirst().orElseThrow().get("note"))
                .isEqualTo("Client asked for none");
        // totals per ambassador and per program on the ledger page
        var page = s.admin().get("/admin/referrals/rewards").html();
        assertThat(page.select("#by-ambassador tbody tr").text()).contains("Ada Lovelace").contains("EUR 100.00");
        assertThat(page.select("#by-program tbody tr")).isNotEmpty();
    }

    @Test
    void the_referrer_gets_one_thank_you_email_when_their_friend_becomes_a_client_and_the_freelancer_a_lead_alert() throws Exception {
        Setup s = setup("WON", "", "");
        long lead = friendLead(s, Fixtures.unique("zoe") + "@zoe.example", "10.5.5.5");
        List<MimeMessage> alerts = app.mails().await(s.f().email(), 1);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getSubject()).isEqualTo("New lead: Bob Friend");
        ReferralData.moveTo(s.admin(), lead, "WON", "2000");
        ReferralData.moveTo(s.admin(), lead, "LOST", "");
        ReferralData.moveTo(s.admin(), lead, "WON", "2000");
        List<MimeMessage> thanks = app.mails().await(s.clientEmail(), 1);
        // won, lost, won again: one thank-you in the outbox (queued inside the request), never a second on its way
        assertThat(outboxCount(s.ws(), "referral-thanks")).isEqualTo(1);
        assertThat(thanks).hasSize(1);
        assertThat(thanks.get(0).getSubject()).isEqualTo("Thank you for recommending " + s.f().displayName());
        assertThat(Mails.text(thanks.get(0))).contains("Bob is now a client").contains("EUR 50.00 credit");
    }

    @Test
    void with_referrer_emails_turned_off_no_thank_you_is_queued() {
        Setup s = setup("WON", "", "");
        assertThat(s.admin().post("/admin/referrals/settings", Map.of("attributionDays", "90", "notifyFreelancer", "on")).status()).isEqualTo(303);
        long lead = friendLead(s);
        ReferralData.moveTo(s.admin(), lead, "WON", "100");
        assertThat(ReferralData.rewards(s.ws(), lead)).hasSize(2);
        assertThat(outboxCount(s.ws(), "referral-thanks")).isZero();
        assertThat(outboxCount(s.ws(), "referral-new-lead")).isEqualTo(1);
    }

    @Test
    void the_leaderboard_ranks_ambassadors_by_won_deals_and_value() {
        Setup s = setup("WON", "", "");
        String u = Fixtures.unique("grace");
        long second = ReferralData.client(s.ws(), "Grace " + u, u + "@hopper.example");
        String code2 = service.links().linkFor(s.ws(), second).orElseThrow().link().code();
        long a = friendLead(s);
        ReferralSubmissions.Submission sub = service.submissions().submitViaLink(service.links().resolve(code2).orElseThrow(),
                ReferralData.friendForm("Hal", Fixtures.unique("hal") + "@hal.example"), "10.4.4.4",
                io.goodword.security.FormGuard.Once.none());
        ReferralData.moveTo(s.admin(), a, "WON", "700");
        ReferralData.moveTo(s.admin(), sub.leadId(), "CONTACTED", "");
        var rows = s.admin().get("/admin/referrals/leaderboard").html().select("tr.leader");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).contains("Ada Lovelace").contains("700.00");
        assertThat(rows.get(1).text()).contains("Grace");
        int adaRewards = (int) ReferralData.rewards(s.ws(), a).stream()
                .filter(r -> r.beneficiary() == Reward.Beneficiary.REFERRER && r.status() != Reward.Status.CANCELLED).count();
        assertThat(adaRewards).as("the program rewards Ada's won lead").isPositive();
        var board = ReferralData.jdbi().onDemand(LeadDao.class).leaderboard(s.ws());
        assertThat(board.get(0).wonValue()).isEqualByComparingTo(new BigDecimal("700"));
        assertThat(board).extracting(LeadDao.LeaderRow::referrals, LeadDao.LeaderRow::won, LeadDao.LeaderRow::rewards)
                .containsExactly(tuple(1, 1, adaRewards), tuple(1, 0, 0));
    }
}
