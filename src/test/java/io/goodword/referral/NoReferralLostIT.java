package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13, "No referral lost": attribution by hand, "who referred you?", rewards from the deal, ambassadors paging. */
class NoReferralLostIT {
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    @RegisterExtension
    static final AppExtension app = new AppExtension().clock(CLOCK);
    static Referrals service;

    @BeforeAll
    static void start() {
        service = ReferralData.service(app.baseUrl());
    }

    @org.junit.jupiter.api.BeforeEach
    void realTime() { CLOCK.set(Instant.now()); }

    record Setup(Fixtures.Freelancer f, Http admin, long program, long ada, String adaEmail, String adaCode) {}

    /** A freelancer with a running program and one ambassador (Ada) who has a link. */
    static Setup setup(Map<String, String> programOverrides) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> p = ReferralAdminIT.programForm(Fixtures.unique("Program"));
        p.put("minDealValue", "");
        p.put("cap", "");
        p.putAll(programOverrides);
        assertThat(admin.post("/admin/referrals/programs", p).status()).isEqualTo(303);
        long program = ReferralData.jdbi().onDemand(ProgramDao.class).list(f.workspaceId()).get(0).id();
        String email = Fixtures.unique("ada") + "@lovelace.example";
        long ada = ReferralData.client(f.workspaceId(), "Ada Lovelace", email);
        String code = service.links().linkFor(f.workspaceId(), program, ada).orElseThrow().link().code();
        return new Setup(f, admin, program, ada, email, code);
    }

    static Setup setup() { return setup(Map.of()); }

    static Map<String, String> directAdd(String name, String email, String referrer) {
        Map<String, String> m = new HashMap<>();
        m.put("name", name);
        m.put("email", email);
        m.put("phone", "");
        m.put("message", "Called about a new shop");
        m.put("consent", "yes");
        m.put("referrer", referrer);
        return m;
    }

    static List<String> audit(long ws) {
        return ReferralData.jdbi().withHandle(h -> h.createQuery(
                "SELECT CONCAT(action, ' | ', detail) FROM audit_log WHERE workspace_id = :ws ORDER BY id")
                .bind("ws", ws).mapTo(String.class).list());
    }

    static String outboxText(long ws, String kind) {
        return ReferralData.jdbi().withHandle(h -> h.createQuery(
                "SELECT text_body FROM outbox WHERE workspace_id = :ws AND kind = :kind ORDER BY id DESC LIMIT 1")
                .bind("ws", ws).bind("kind", kind).mapTo(String.class).findOne().orElse(null));
    }

    // ---------------------------------------------------------------- manual attribution

    @Test
    void a_lead_added_by_hand_is_credited_to_its_ambassador_like_a_link_visit_and_audited() {
        Setup s = setup();
        Http.Response r = s.admin().post("/admin/referrals/leads", directAdd("Bob Baker", Fixtures.unique("bob") + "@bakery.example", s.adaCode().toLowerCase()));
        assertThat(r.status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        assertThat(r.location()).isEqualTo("/admin/referrals/leads/" + id);
        Lead lead = ReferralData.lead(s.f().workspaceId(), id);
        assertThat(lead.source()).isEqualTo(Lead.Source.MANUAL);
        assertThat(lead.referrerClientId()).isEqualTo(s.ada());
        assertThat(lead.programId()).isEqualTo(s.program());
        assertThat(lead.linkId()).isNotNull();
        assertThat(audit(s.f().workspaceId())).anyMatch(a -> a.equals("referral.lead.added | lead " + id + ", referrer client " + s.ada()));
        // …and earns the program's reward exactly like a link lead when won
        assertThat(ReferralData.moveTo(s.admin(), id, "WON", "900").status()).isEqualTo(303);
        assertThat(ReferralData.rewards(s.f().workspaceId(), id)).extracting(Reward::clientId).contains(s.ada());
        // the leads page offers "Direct add"
        assertThat(s.admin().get("/admin/referrals").html().select("#direct-add").attr("href")).isEqualTo("/admin/referrals/leads/new");
    }

    @Test
    void a_direct_add_with_an_unknown_referrer_or_bad_fields_is_422_with_the_input_kept() {
        Setup s = setup();
        Map<String, String> bad = directAdd("Bob Baker", "not-an-email", "Nobody Known");
        Http.Response r = s.admin().post("/admin/referrals/leads", bad);
        assertThat(r.status()).isEqualTo(422);
        Document d = r.html();
        assertThat(d.select("#f-referrer-error").text()).contains("No single client matches");
        assertThat(d.select("#f-email-error").text()).isNotBlank();
        assertThat(d.select("#f-referrer").val()).isEqualTo("Nobody Known");
        assertThat(d.select("#f-name").val()).isEqualTo("Bob Baker");
        int leads = ReferralData.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws")
                .bind("ws", s.f().workspaceId()).mapTo(Integer.class).one());
        assertThat(leads).isZero();
        // another workspace's ambassador is nobody here
        Setup other = setup();
        Http.Response foreign = s.admin().post("/admin/referrals/leads", directAdd("Bob", "bob@bakery.example", other.adaCode()));
        assertThat(foreign.status()).isEqualTo(422);
    }

    @Test
    void changing_a_leads_referrer_is_in_its_history_and_the_audit_log_and_the_unpaid_reward_follows() {
        Setup s = setup();
        String graceEmail = Fixtures.unique("grace") + "@navy.example";
        long grace = ReferralData.client(s.f().workspaceId(), "Grace Hopper", graceEmail);
        assertThat(s.admin().post("/admin/referrals/leads", directAdd("Bob Baker", Fixtures.unique("bob") + "@bakery.example", s.adaEmail())).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        ReferralData.moveTo(s.admin(), id, "WON", "900");
        assertThat(ReferralData.rewards(s.f().workspaceId(), id)).filteredOn(rw -> rw.beneficiary() == Reward.Beneficiary.REFERRER)
                .extracting(Reward::clientId).containsExactly(s.ada());

        Http.Response r = s.admin().post("/admin/referrals/leads/" + id + "/referrer", Map.of("referrer", graceEmail.toUpperCase()));
        assertThat(r.status()).isEqualTo(303);
        Lead lead = ReferralData.lead(s.f().workspaceId(), id);
        assertThat(lead.referrerClientId()).isEqualTo(grace);
        Reward reward = ReferralData.rewards(s.f().workspaceId(), id).stream()
                .filter(rw -> rw.beneficiary() == Reward.Beneficiary.REFERRER).findFirst().orElseThrow();
        assertThat(reward.clientId()).isEqualTo(grace);
        assertThat(reward.recipientName()).isEqualTo("Grace Hopper");
        Document page = s.admin().get("/admin/referrals/leads/" + id).html();
        assertThat(page.select("ol.history").text()).contains("Referrer changed from Ada Lovelace to Grace Hopper.");
        assertThat(page.select("#lead-referrer").text()).contains("Grace Hopper");
        assertThat(audit(s.f().workspaceId())).contains(
                "referral.lead.referrer.changed | lead " + id + ": client " + s.ada() + " -> client " + grace);

        // once the reward is paid, the referrer stays: a clear message, nothing changed
        service.rewards().fulfil(s.f().workspaceId(), reward.id(), "paid");
        Http.Response refused = s.admin().post("/admin/referrals/leads/" + id + "/referrer", Map.of("referrer", s.adaEmail()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#f-referrer-error").text()).contains("already paid");
        assertThat(refused.html().select("#f-referrer").val()).isEqualTo(s.adaEmail());
        assertThat(ReferralData.lead(s.f().workspaceId(), id).referrerClientId()).isEqualTo(grace);

        // a foreign lead is a 404
        Setup other = setup();
        assertThat(other.admin().post("/admin/referrals/leads/" + id + "/referrer", Map.of("referrer", "")).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- who referred you?

    static Map<String, String> contact(String name, String email, String referredBy) {
        CLOCK.set(Instant.now()); // the app's clock is the test's; public form stamps are signed against real time
        Map<String, String> m = ReferralData.friend(name, email);
        m.put("referredBy", referredBy);
        return m;
    }

    @Test
    void an_exact_referral_code_answered_on_the_contact_form_credits_at_once() {
        Setup s = setup();
        Document form = app.http().get("/p/" + s.f().slug() + "/contact").html();
        assertThat(form.select("label[for=f-referredBy]").text()).contains("Who referred you?");
        Http.Response r = app.http().post("/p/" + s.f().slug() + "/contact", contact("Bob Baker", Fixtures.unique("bob") + "@bakery.example", " " + s.adaCode().toLowerCase() + " "));
        assertThat(r.status()).isEqualTo(303);
        Lead lead = ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId()));
        assertThat(lead.source()).isEqualTo(Lead.Source.CONTACT);
        assertThat(lead.referrerClientId()).isEqualTo(s.ada());
        assertThat(lead.programId()).isEqualTo(s.program());
        assertThat(lead.linkId()).isNotNull();
        assertThat(lead.hasSuggestion()).isFalse();
    }

    @Test
    void a_name_answered_on_the_contact_form_is_only_a_suggestion_until_the_freelancer_confirms_it() {
        Setup s = setup();
        String bob = Fixtures.unique("bob") + "@bakery.example";
        assertThat(app.http().post("/p/" + s.f().slug() + "/contact", contact("Bob Baker", bob, "ada lovelance")).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        Lead lead = ReferralData.lead(s.f().workspaceId(), id);
        assertThat(lead.referred()).isFalse(); // never credited on a guess
        assertThat(lead.suggestedClientId()).isEqualTo(s.ada());
        assertThat(lead.referrerAnswer()).isEqualTo("ada lovelance");
        Document page = s.admin().get("/admin/referrals/leads/" + id).html();
        assertThat(page.select("#suggestion").text()).contains("ada lovelance", "Ada Lovelace");

        assertThat(s.admin().post("/admin/referrals/leads/" + id + "/suggestion", Map.of("decision", "confirm")).status()).isEqualTo(303);
        Lead credited = ReferralData.lead(s.f().workspaceId(), id);
        // credited exactly as a visit of Ada's link would have: same referrer, link and program
        Link adaLink = ReferralData.jdbi().onDemand(LinkDao.class).findByCode(s.adaCode()).orElseThrow();
        assertThat(credited.referrerClientId()).isEqualTo(s.ada());
        assertThat(credited.linkId()).isEqualTo(adaLink.id());
        assertThat(credited.programId()).isEqualTo(s.program());
        assertThat(credited.hasSuggestion()).isFalse();
        assertThat(audit(s.f().workspaceId())).contains(
                "referral.lead.suggestion.confirmed | lead " + id + ": none -> client " + s.ada());
        assertThat(s.admin().get("/admin/referrals/leads/" + id).html().select("ol.history").text())
                .contains("confirmed from the answer \"ada lovelance\"");
        // confirming twice changes nothing and says so
        assertThat(s.admin().post("/admin/referrals/leads/" + id + "/suggestion", Map.of("decision", "confirm")).status()).isEqualTo(422);
    }

    @Test
    void on_the_landing_form_an_answer_naming_another_ambassador_is_suggested_and_the_link_still_credits() {
        Setup s = setup();
        String graceEmail = Fixtures.unique("grace") + "@navy.example";
        long grace = ReferralData.client(s.f().workspaceId(), "Grace Hopper", graceEmail);
        Document landing = app.http().get("/r/" + s.adaCode()).html();
        assertThat(landing.select("#f-referredBy")).hasSize(1);
        assertThat(app.http().post("/r/" + s.adaCode(), contact("Bob Baker", Fixtures.unique("bob") + "@bakery.example", graceEmail)).status()).isEqualTo(303);
        Lead lead = ReferralData.lead(s.f().workspaceId(), ReferralData.lastLeadId(s.f().workspaceId()));
        assertThat(lead.referrerClientId()).isEqualTo(s.ada());
        assertThat(lead.suggestedClientId()).isEqualTo(grace);
        // an answer too long is a message on the same page, input kept
        Map<String, String> tooLong = contact("Bob Baker", "bob2@bakery.example", "x".repeat(201));
        Http.Response r = app.http().post("/r/" + s.adaCode(), tooLong);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-referredBy-error").text()).isNotBlank();
        assertThat(r.html().select("#f-referredBy").val()).isEqualTo("x".repeat(201));
    }

    // ---------------------------------------------------------------- rewards from the deal

    @Test
    void a_share_of_the_won_deal_is_paid_in_the_deals_currency() {
        Setup s = setup(Map.of("referrerType", "DEAL_PERCENT", "referrerAmount", "10", "referrerCurrency", ""));
        assertThat(s.admin().post("/admin/referrals/leads", directAdd("Bob", Fixtures.unique("bob") + "@bakery.example", s.adaCode())).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        // without the deal's currency the share cannot be paid: a clear message, input kept
        Http.Response noCurrency = ReferralData.moveTo(s.admin(), id, "WON", "4321.55");
        assertThat(noCurrency.status()).isEqualTo(422);
        assertThat(noCurrency.html().select("#f-dealCurrency-error").text()).contains("currency");
        assertThat(noCurrency.html().select("#f-dealValue").val()).isEqualTo("4321.55");
        Http.Response won = s.admin().post("/admin/referrals/leads/" + id + "/status",
                Map.of("status", "WON", "dealValue", "4321.55", "dealCurrency", "usd", "lostReason", "", "note", ""));
        assertThat(won.status()).isEqualTo(303);
        Reward r = ReferralData.rewards(s.f().workspaceId(), id).stream()
                .filter(rw -> rw.beneficiary() == Reward.Beneficiary.REFERRER).findFirst().orElseThrow();
        assertThat(r.amount()).isEqualByComparingTo(new BigDecimal("432.16"));
        assertThat(r.currency()).isEqualTo("USD");
        assertThat(r.rewardType()).isEqualTo(Program.RewardType.CASH); // money in the ledger, so every money total counts it
        assertThat(ReferralData.lead(s.f().workspaceId(), id).dealCurrency()).isEqualTo("USD");
        // the program page describes it
        assertThat(s.admin().get("/admin/referrals/programs").html().text()).contains("10% of the won deal value");
        // a share for the friend, or a share earned before the deal is won, is refused with a message
        Map<String, String> bad = ReferralAdminIT.programForm("Bad share");
        bad.put("referrerType", "DEAL_PERCENT");
        bad.put("referrerAmount", "10");
        bad.put("trigger", "QUALIFIED");
        bad.put("minDealValue", "");
        bad.put("friendType", "DEAL_PERCENT");
        bad.put("friendAmount", "5");
        Http.Response refused = s.admin().post("/admin/referrals/programs", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select("#f-trigger-error").text()).contains("deal is won");
        assertThat(refused.html().select("#f-friendType-error").text()).contains("referrer only");
    }

    @Test
    void a_reward_held_until_the_invoice_is_paid_cannot_be_paid_before() {
        Setup s = setup(Map.of("holdUntilPaid", "yes"));
        assertThat(s.admin().post("/admin/referrals/leads", directAdd("Bob", Fixtures.unique("bob") + "@bakery.example", s.adaCode())).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        ReferralData.moveTo(s.admin(), id, "WON", "1000");
        Reward r = ReferralData.rewards(s.f().workspaceId(), id).get(0);
        assertThat(r.awaitingInvoice()).isTrue();
        Http.Response early = s.admin().post("/admin/referrals/rewards/" + r.id() + "/fulfil", Map.of("note", "paid"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.html().select("#reward-" + r.id()).text()).contains("still on hold", "until the invoice is marked as paid");
        assertThat(service.rewards().reward(s.f().workspaceId(), r.id()).status()).isEqualTo(Reward.Status.PENDING);

        assertThat(s.admin().post("/admin/referrals/leads/" + id + "/invoice", Map.of()).status()).isEqualTo(303);
        assertThat(ReferralData.lead(s.f().workspaceId(), id).invoicePaidAt()).isNotNull();
        assertThat(s.admin().post("/admin/referrals/rewards/" + r.id() + "/fulfil", Map.of("note", "paid")).status()).isEqualTo(303);
        assertThat(service.rewards().reward(s.f().workspaceId(), r.id()).status()).isEqualTo(Reward.Status.FULFILLED);
        // marking it twice is a message, not a 500
        assertThat(s.admin().post("/admin/referrals/leads/" + id + "/invoice", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void a_reward_held_for_n_days_after_the_win_becomes_payable_only_then() {
        Setup s = setup(Map.of("holdDays", "14"));
        assertThat(s.admin().post("/admin/referrals/leads", directAdd("Bob", Fixtures.unique("bob") + "@bakery.example", s.adaCode())).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        ReferralData.moveTo(s.admin(), id, "WON", "1000");
        Reward r = ReferralData.rewards(s.f().workspaceId(), id).get(0);
        Lead lead = ReferralData.lead(s.f().workspaceId(), id);
        assertThat(r.payableFrom()).isEqualTo(lead.wonAt().plus(Duration.ofDays(14)));
        assertThat(s.admin().post("/admin/referrals/rewards/" + r.id() + "/approve", Map.of()).status()).isEqualTo(422);
        Instant before = CLOCK.instant();
        try {
            CLOCK.advance(Duration.ofDays(14).plusMinutes(1));
            assertThat(Fixtures.signedIn(app, s.f()).post("/admin/referrals/rewards/" + r.id() + "/approve", Map.of()).status()).isEqualTo(303);
            assertThat(ReferralData.jdbi().onDemand(RewardDao.class).findById(s.f().workspaceId(), r.id()).orElseThrow().status())
                    .isEqualTo(Reward.Status.APPROVED);
        } finally {
            CLOCK.set(before.plusSeconds(1));
        }
    }

    @Test
    void the_referrer_chooses_cash_credit_or_a_donation_through_a_private_link() {
        Setup s = setup();
        // one form alone is no choice: refused with a message on the program form
        Map<String, String> one = ReferralAdminIT.programForm("One choice");
        one.put("minDealValue", "");
        one.put("choices", "CASH");
        assertThat(s.admin().post("/admin/referrals/programs", one).html().select("#f-choices-error").text()).contains("at least two");

        Setup c = setupWithChoices();
        assertThat(c.admin().post("/admin/referrals/leads", directAdd("Bob Baker", Fixtures.unique("bob") + "@bakery.example", c.adaCode())).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(c.f().workspaceId());
        ReferralData.moveTo(c.admin(), id, "WON", "1000");
        String mail = outboxText(c.f().workspaceId(), "referral-choice");
        assertThat(mail).contains("choose how you would like your reward");
        Matcher m = Pattern.compile(Pattern.quote(app.baseUrl()) + "(/reward/[A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(m.find()).isTrue();
        String path = m.group(1);

        Http referrer = app.http();
        Http.Response page = referrer.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.html().select("input[name=choice]")).extracting(e -> e.attr("value")).containsExactly("CASH", "CREDIT", "DONATION");
        assertThat(page.html().text()).contains("EUR 100.00");

        Http.Response noCause = referrer.post(path, Map.of("choice", "DONATION", "cause", ""));
        assertThat(noCause.status()).isEqualTo(422);
        assertThat(noCause.html().select("#f-cause-error").text()).isNotBlank();
        assertThat(noCause.html().select("#f-choice-DONATION").hasAttr("checked")).isTrue();
        assertThat(referrer.postRaw(path, Map.of("choice", "DONATION", "cause", "Wikipedia")).status()).isEqualTo(403); // CSRF
        Http.Response chosen = referrer.post(path, Map.of("choice", "DONATION", "cause", "Wikipedia"));
        assertThat(chosen.status()).isEqualTo(303);
        Reward r = ReferralData.rewards(c.f().workspaceId(), id).get(0);
        assertThat(r.rewardType()).isEqualTo(Program.RewardType.DONATION);
        assertThat(r.description()).isEqualTo("Wikipedia");
        assertThat(r.amount()).isEqualByComparingTo("100");
        assertThat(r.chosenAt()).isNotNull();
        assertThat(referrer.get(chosen.location()).html().select("#choice-saved").text()).contains("Wikipedia");
        assertThat(referrer.post(path, Map.of("choice", "GIFT", "cause", "")).status()).isEqualTo(422);
        assertThat(app.http().get("/reward/" + "A".repeat(43)).status()).isEqualTo(404);
    }

    private static Setup setupWithChoices() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> p = ReferralAdminIT.programForm(Fixtures.unique("Choices"));
        p.put("minDealValue", "");
        p.put("cap", "");
        String body = p.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .reduce((a, b) -> a + "&" + b).orElseThrow() + "&choices=CASH&choices=CREDIT&choices=DONATION&_csrf=" + admin.csrfToken();
        Http.Response r = admin.send(java.net.http.HttpRequest.newBuilder(admin.uri("/admin/referrals/programs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.status()).isEqualTo(303);
        Program program = ReferralData.jdbi().onDemand(ProgramDao.class).list(f.workspaceId()).get(0);
        assertThat(program.choices()).containsExactly(Program.RewardType.CASH, Program.RewardType.CREDIT, Program.RewardType.DONATION);
        String email = Fixtures.unique("ada") + "@lovelace.example";
        long ada = ReferralData.client(f.workspaceId(), "Ada Lovelace", email);
        String code = service.links().linkFor(f.workspaceId(), program.id(), ada).orElseThrow().link().code();
        return new Setup(f, admin, program.id(), ada, email, code);
    }

    private static String enc(String s) { return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8); }

    // ---------------------------------------------------------------- ambassadors page

    @Test
    void the_ambassadors_page_pages_and_searches_past_a_thousand_clients() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        ReferralData.jdbi().useTransaction(h -> {
            ClientDao clients = h.attach(ClientDao.class);
            for (int i = 0; i < 1030; i++) clients.insert(f.workspaceId(), String.format("Client %04d", i), null, "", "", "", null, "en");
        });
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.post("/admin/referrals/programs", ReferralAdminIT.programForm("Paged")).status()).isEqualTo(303);
        Document first = admin.get("/admin/referrals/ambassadors").html();
        assertThat(first.select("tbody tr")).hasSize(25);
        assertThat(first.select("#ambassador-count").text()).contains("1,030");
        assertThat(first.select("a[rel=next]").attr("href")).contains("page=2");
        Document last = admin.get("/admin/referrals/ambassadors?page=42").html();
        assertThat(last.select("tbody tr")).hasSize(5);
        assertThat(last.select("tbody").text()).contains("Client 1029");
        Document found = admin.get("/admin/referrals/ambassadors?q=Client+1027").html();
        assertThat(found.select("tbody tr")).hasSize(1);
        assertThat(found.select("tbody").text()).contains("Client 1027");
        assertThat(admin.get("/admin/referrals/ambassadors?q=%25").html().select("tbody tr")).isEmpty(); // % is text, not a wildcard
        // Each sort pages in its own order (the page is numbered after its LIMIT, not across the workspace).
        List<String> byName = new ArrayList<>(), newest = new ArrayList<>();
        for (int i = 25; i < 50; i++) byName.add(String.format("Client %04d", i));
        for (int i = 1004; i > 979; i--) newest.add(String.format("Client %04d", i));
        assertThat(ambassadorNames(admin, "?page=2")).isEqualTo(byName);
        assertThat(ambassadorNames(admin, "?sort=newest&page=2")).isEqualTo(newest);
        assertThat(ambassadorNames(admin, "?sort=oldest&page=2")).isEqualTo(byName);
    }

    private static List<String> ambassadorNames(Http admin, String query) {
        return admin.get("/admin/referrals/ambassadors" + query).html().select("tbody tr").stream()
                .map(tr -> Pattern.compile("Client \\d{4}").matcher(tr.text())).filter(Matcher::find).map(Matcher::group).toList();
    }

    @Test
    void the_leads_list_shows_when_a_lead_came_in_in_the_workspaces_time_zone_not_utc() {
        Setup s = setup();
        assertThat(s.admin().post("/admin/referrals/leads", directAdd("Tokyo Lead", Fixtures.unique("t") + "@bakery.example",
                s.adaCode())).status()).isEqualTo(303);
        long id = ReferralData.lastLeadId(s.f().workspaceId());
        ReferralData.jdbi().useHandle(h -> h.createUpdate("UPDATE workspaces SET time_zone = 'Asia/Tokyo' WHERE id = :ws")
                .bind("ws", s.f().workspaceId()).execute());
        Instant created = ReferralData.lead(s.f().workspaceId(), id).createdAt();
        String tokyo = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
                .format(created.atZone(java.time.ZoneId.of("Asia/Tokyo")));

        Document list = Fixtures.signedIn(app, s.f()).get("/admin/referrals").html();
        assertThat(list.select("tr[data-lead=" + id + "] td").get(3).text()).isEqualTo(tokyo);
    }
}
