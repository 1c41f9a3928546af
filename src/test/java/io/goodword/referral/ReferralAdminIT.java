package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.QrCodes;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin side: programs, settings, ambassadors, pipeline forms with bad input, and tenant isolation. */
class ReferralAdminIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static Referrals service;

    @BeforeAll
    static void start() {
        service = ReferralData.service(app.baseUrl());
    }

    static Map<String, String> programForm(String name) {
        Map<String, String> m = new HashMap<>();
        m.put("name", name);
        m.put("description", "Tell your friends");
        m.put("terms", "One reward per friend.");
        m.put("referrerType", "CASH");
        m.put("referrerAmount", "100");
        m.put("referrerCurrency", "eur");
        m.put("referrerText", "");
        m.put("friendType", "GIFT");
        m.put("friendAmount", "");
        m.put("friendCurrency", "");
        m.put("friendText", "A signed book");
        m.put("trigger", "WON");
        m.put("minDealValue", "500");
        m.put("cap", "3");
        m.put("startsOn", "2020-01-01");
        m.put("endsOn", "");
        return m;
    }

    @Test
    void a_freelancer_creates_edits_and_pauses_a_double_sided_program() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.get("/admin/referrals/program").location()).isEqualTo("/admin/referrals/programs");
        Http.Response created = admin.post("/admin/referrals/programs", programForm("Friends of Ada"));
        assertThat(created.status()).isEqualTo(303);
        Program p = ReferralData.jdbi().onDemand(ProgramDao.class).list(f.workspaceId()).get(0);
        assertThat(p.referrerRewardType()).isEqualTo(Program.RewardType.CASH);
        assertThat(p.referrerRewardCurrency()).isEqualTo("EUR");
        assertThat(p.friendRewardText()).isEqualTo("A signed book");
        assertThat(p.capPerReferrer()).isEqualTo(3);
        Document list = admin.get("/admin/referrals/programs").html();
        assertThat(list.select("#program-" + p.id()).text()).contains("Friends of Ada", "EUR 100.00 in cash", "Gift: A signed book", "Running");

        Map<String, String> edit = programForm("Friends of Ada, 2nd edition");
        edit.put("cap", "");
        assertThat(admin.post("/admin/referrals/programs/" + p.id(), edit).status()).isEqualTo(303);
        assertThat(ReferralData.jdbi().onDemand(ProgramDao.class).findById(f.workspaceId(), p.id()).orElseThrow().capPerReferrer()).isNull();
        admin.post("/admin/referrals/programs/" + p.id() + "/pause", Map.of());
        assertThat(admin.get("/admin/referrals/programs").html().select("#program-" + p.id()).text()).contains("Paused");
    }

    @Test
    void a_bad_program_form_is_422_with_each_message_by_its_field_and_everything_typed_kept() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> bad = programForm("");
        bad.put("referrerAmount", "lots");
        bad.put("endsOn", "2019-01-01");
        bad.put("friendText", "");
        Http.Response r = admin.post("/admin/referrals/programs", bad);
        assertThat(r.status()).isEqualTo(422);
        Document d = r.html();
        assertThat(d.select("#f-name-error").text()).isEqualTo("Please fill this in.");
        assertThat(d.select("#f-referrerAmount-error").text()).contains("positive amount");
        assertThat(d.select("#f-friendText-error").text()).isEqualTo("Say in a few words what the reward is.");
        assertThat(d.select("#f-endsOn-error").text()).contains("must not be before");
        assertThat(d.select("#f-referrerAmount").val()).isEqualTo("lots");
        assertThat(d.select("#f-terms").text()).isEqualTo("One reward per friend.");
        assertThat(d.select("#f-referrerType option[selected]").val()).isEqualTo("CASH");
        assertThat(ReferralData.jdbi().onDemand(ProgramDao.class).list(f.workspaceId())).isEmpty();
    }

    @Test
    void a_new_program_with_only_its_name_says_what_the_default_reward_needs_and_never_calls_it_optional() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Document blank = admin.get("/admin/referrals/programs/new").html();
        assertThat(blank.select("label[for=f-referrerAmount]").text()).as("needed for most kinds").isEqualTo("Amount");
        assertThat(blank.select("label[for=f-friendText]").text()).isEqualTo("Description");
        assertThat(blank.select("label[for=f-description]").text()).isEqualTo("Description (optional)");
        Map<String, String> form = new HashMap<>();
        blank.select("form[action=/admin/referrals/programs] input:not([type=checkbox]), form[action=/admin/referrals/programs] textarea")
                .forEach(i -> form.put(i.attr("name"), i.is("textarea") ? i.text() : i.val()));
        blank.select("form[action=/admin/referrals/programs] select")
                .forEach(sel -> form.put(sel.attr("name"), sel.select("option[selected]").isEmpty() ? sel.select("option").first().val()
                        : sel.select("option[selected]").val()));
        form.put("name", "Friends of Mia"); // what a newcomer types first, the rest as the form comes
        Http.Response r = admin.post("/admin/referrals/programs", form);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-referrerAmount-error").text()).isEqualTo("A discount needs its percentage, e.g. 10.");
        assertThat(r.html().select("#f-name").val()).isEqualTo("Friends of Mia");
        assertThat(ReferralData.jdbi().onDemand(ProgramDao.class).list(f.workspaceId())).isEmpty();
        form.put("referrerAmount", "10");
        assertThat(admin.post("/admin/referrals/programs", form).status()).isEqualTo(303);
        assertThat(ReferralData.jdbi().onDemand(ProgramDao.class).list(f.workspaceId())).extracting(Program::name).containsExactly("Friends of Mia");
    }

    @Test
    void bad_settings_are_422_and_keep_what_was_typed() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Http.Response r = admin.post("/admin/referrals/settings", Map.of("attributionDays", "9999", "notifyReferrer", "on"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-attributionDays-error").text()).contains("1 to 365");
        assertThat(r.html().select("#f-attributionDays").val()).isEqualTo("9999");
        assertThat(r.html().select("#f-notifyReferrer").hasAttr("checked")).isTrue();
        assertThat(r.html().select("#f-notifyFreelancer").hasAttr("checked")).isFalse();
        assertThat(admin.post("/admin/referrals/settings", Map.of("attributionDays", "30")).status()).isEqualTo(303);
        assertThat(ReferralData.jdbi().onDemand(ProgramDao.class).settingsOrDefault(f.workspaceId()).attributionDays()).isEqualTo(30);
    }

    @Test
    void the_freelancer_creates_and_emails_a_clients_personal_link_from_the_admin() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        long program = ReferralData.program(f.workspaceId(), "WON", "");
        long client = ReferralData.client(f.workspaceId());
        long noEmail = ReferralData.client(f.workspaceId(), "No Mail " + Fixtures.unique("n"), null);
        assertThat(admin.post("/admin/referrals/ambassadors/" + client + "/link", Map.of("programId", String.valueOf(program))).status())
                .isEqualTo(303);
        Document d = admin.get("/admin/referrals/ambassadors").html();
        String url = d.select("#client-" + client + " a.referral-link").attr("href");
        assertThat(url).matches(java.util.regex.Pattern.quote(app.baseUrl()) + "/r/[" + ReferralCodes.ALPHABET + "]{8}");
        assertThat(admin.post("/admin/referrals/ambassadors/" + client + "/email", Map.of("programId", String.valueOf(program))).status())
                .isEqualTo(303);
        int queued = ReferralData.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND kind = 'referral-link' AND text_body LIKE :url")
                .bind("ws", f.workspaceId()).bind("url", "%" + url + "%").mapTo(Integer.class).one());
        assertThat(queued).isEqualTo(1);
        admin.post("/admin/referrals/ambassadors/" + noEmail + "/link", Map.of("programId", String.valueOf(program)));
        Http.Response none = admin.post("/admin/referrals/ambassadors/" + noEmail + "/email", Map.of("programId", String.valueOf(program)));
        assertThat(admin.get(none.location()).html().select(".flash").text()).contains("no email address");
    }

    @Test
    void each_ambassadors_link_is_a_qr_code_to_print_for_that_workspace_only_and_downloading_it_is_no_share() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        long program = ReferralData.program(f.workspaceId(), "WON", "");
        long client = ReferralData.client(f.workspaceId());
        long without = ReferralData.client(f.workspaceId());
        admin.post("/admin/referrals/ambassadors/" + client + "/link", Map.of("programId", String.valueOf(program)));
        Document d = admin.get("/admin/referrals/ambassadors").html();
        String url = d.select("#client-" + client + " a.referral-link").attr("href");
        String code = url.substring(url.lastIndexOf('/') + 1);
        List<String> qr = d.select("#client-" + client + " .qr-links a[download]").eachAttr("href");
        assertThat(qr).containsExactly("/admin/referrals/links/" + code + "/qr.svg", "/admin/referrals/links/" + code + "/qr.png");
        assertThat(d.select("#client-" + without + " .qr-links")).as("no link, no code").isEmpty();

        HttpResponse<byte[]> png = admin.getBytes(qr.get(1));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(QrCodes.decode(ImageIO.read(new ByteArrayInputStream(png.body())))).isEqualTo(url);
        Http.Response svg = admin.get(qr.get(0));
        assertThat(svg.header("Content-Disposition")).isEqualTo("inline; filename=\"referral-" + code + "-qr.svg\"");
        assertThat(QrCodes.decodeSvg(svg.body())).isEqualTo(url);
        assertThat(admin.get("/admin/referrals/links/" + code.toLowerCase(java.util.Locale.ROOT) + "/qr.svg").status())
                .as("codes are read as typed, like on the landing page").isEqualTo(200);
        Integer used = ReferralData.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM referral_links WHERE code = :c AND used_at IS NOT NULL").bind("c", code).mapTo(Integer.class).one());
        assertThat(used).as("a download is not a share; the dashboard counts it once it is emailed or visited").isZero();

        Http other = Fixtures.signedIn(app, Fixtures.freelancer());
        assertThat(other.get(qr.get(0)).status()).as("another workspace's code").isEqualTo(404);
        assertThat(other.getBytes(qr.get(1)).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/referrals/links/not-a-code%3Cb%3E/qr.png").status()).isEqualTo(404);
        assertThat(app.http().get(qr.get(1)).status()).as("sign-in first").isEqualTo(302);
    }

    @Test
    void the_lead_page_shows_times_in_the_workspaces_zone_not_utc() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        // +14:00 all year (no summer time): 2026-06-01 22:30 UTC is 2026-06-02 12:30 there
        ReferralData.jdbi().useHandle(h -> h.execute("UPDATE workspaces SET time_zone = 'Pacific/Kiritimati' WHERE id = ?", f.workspaceId()));
        Http admin = Fixtures.signedIn(app, f);
        ReferralData.program(f.workspaceId(), "QUALIFIED", "");
        long client = ReferralData.client(f.workspaceId());
        String code = service.links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        long lead = service.submissions().submitViaLink(service.links().resolve(code).orElseThrow(),
                ReferralData.friendForm("Zoe Zone", Fixtures.unique("zoe") + "@zoe.example"), "10.3.3.4", io.goodword.security.FormGuard.Once.none()).leadId();
        ReferralData.jdbi().useHandle(h -> {
            h.execute("UPDATE referral_leads SET created_at = '2026-06-01 22:30:00' WHERE id = ?", lead);
            h.execute("UPDATE referral_lead_events SET created_at = '2026-06-01 22:30:00' WHERE lead_id = ?", lead);
        });

        Document page = admin.get("/admin/referrals/leads/" + lead).html();
        assertThat(page.select("dl").text()).contains("2 Jun 2026, 12:30").doesNotContain("1 Jun 2026, 22:30");
        assertThat(page.select(".history time").text()).contains("2 Jun 2026, 12:30");
    }

    @Test
    void a_lead_is_won_without_a_deal_value_because_the_field_says_optional_and_the_value_can_follow() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        ReferralData.program(f.workspaceId(), "WON", "");
        long client = ReferralData.client(f.workspaceId());
        String code = service.links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        long lead = service.submissions().submitViaLink(service.links().resolve(code).orElseThrow(),
                ReferralData.friendForm("Otto Optional", Fixtures.unique("otto") + "@otto.example"), "10.3.3.4",
                io.goodword.security.FormGuard.Once.none()).leadId();
        assertThat(admin.get("/admin/referrals/leads/" + lead).html().select("label[for=f-dealValue]").text())
                .isEqualTo("Deal value (optional)");

        Http.Response won = admin.post("/admin/referrals/leads/" + lead + "/status",
                Map.of("status", "WON", "dealValue", "", "lostReason", "", "note", ""));
        assertThat(won.status()).isEqualTo(303);
        assertThat(ReferralData.lead(f.workspaceId(), lead).status()).isEqualTo(Lead.Status.WON);
        assertThat(ReferralData.lead(f.workspaceId(), lead).dealValue()).isNull();
        assertThat(admin.post("/admin/referrals/leads/" + lead + "/status",
                Map.of("status", "WON", "dealValue", "4800", "lostReason", "", "note", "")).status()).isEqualTo(303);
        assertThat(ReferralData.lead(f.workspaceId(), lead).dealValue()).isEqualByComparingTo("4800");
    }

    @Test
    void pipeline_forms_with_bad_input_are_422_with_messages_and_input_kept_and_nothing_changes() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        ReferralData.program(f.workspaceId(), "QUALIFIED", "");
        long client = ReferralData.client(f.workspaceId());
        String code = service.links().linkFor(f.workspaceId(), client).orElseThrow().link().code();
        long lead = service.submissions().submitViaLink(service.links().resolve(code).orElseThrow(),
                ReferralData.friendForm("Eve Example", Fixtures.unique("eve") + "@eve.example"), "10.3.3.3", io.goodword.security.FormGuard.Once.none()).leadId();

        Http.Response won = admin.post("/admin/referrals/leads/" + lead + "/status",
                Map.of("status", "WON", "dealValue", "-5", "lostReason", "", "note", "Signed the contract"));
        assertThat(won.status()).isEqualTo(422); // the deal value is optional, but a negative one is refused
        assertThat(won.html().select("#f-dealValue-error").text()).isNotEmpty();
        assertThat(won.html().select("#f-dealValue").val()).isEqualTo("-5");
        assertThat(won.html().select("#f-note").text()).isEqualTo("Signed the contract");
        assertThat(won.html().select("#f-status option[selected]").val()).isEqualTo("WON");
        Http.Response lost = admin.post("/admin/referrals/leads/" + lead + "/status",
                Map.of("status", "LOST", "dealValue", "", "lostReason", "", "note", ""));
        assertThat(lost.status()).isEqualTo(422);
        assertThat(lost.html().select("#f-lostReason-error").text()).isEqualTo("Please fill this in.");
        assertThat(ReferralData.lead(f.workspaceId(), lead).status()).isEqualTo(Lead.Status.NEW);

        Http.Response note = admin.post("/admin/referrals/leads/" + lead + "/note", Map.of("body", ""));
        assertThat(note.status()).isEqualTo(422);
        assertThat(note.html().select("#f-note-body-error").text()).isEqualTo("Please fill this in.");
        assertThat(admin.post("/admin/referrals/leads/" + lead + "/note", Map.of("body", "Called, will send offer")).status()).isEqualTo(303);
        assertThat(admin.get("/admin/referrals/leads/" + lead).html().select(".history").text()).contains("Called, will send offer");

        ReferralData.moveTo(admin, lead, "QUALIFIED", "");
        Reward reward = ReferralData.rewards(f.workspaceId(), lead).get(0);
        Http.Response cancel = admin.post("/admin/referrals/rewards/" + reward.id() + "/cancel", Map.of("reason", ""));
        assertThat(cancel.status()).isEqualTo(422);
        assertThat(cancel.html().select("#f-reason-" + reward.id() + "-error").text()).isEqualTo("Please fill this in.");
        assertThat(service.rewards().reward(f.workspaceId(), reward.id()).status()).isEqualTo(Reward.Status.PENDING);
        String longNote = "x".repeat(501);
        Http.Response fulfil = admin.post("/admin/referrals/rewards/" + reward.id() + "/fulfil", Map.of("note", longNote));
        assertThat(fulfil.status()).isEqualTo(422);
        assertThat(fulfil.html().select("#f-note-" + reward.id()).val()).isEqualTo(longNote);
    }

    @Test
    void one_workspace_never_sees_or_touches_another_workspaces_referrals() {
        Fixtures.Freelancer owner = Fixtures.freelancer();
        long program = ReferralData.program(owner.workspaceId(), "QUALIFIED", "");
        long client = ReferralData.client(owner.workspaceId(), "Secret Client " + Fixtures.unique("s"), Fixtures.unique("s") + "@secret.example");
        String code = service.links().linkFor(owner.workspaceId(), client).orElseThrow().link().code();
        long lead = service.submissions().submitViaLink(service.links().resolve(code).orElseThrow(),
                ReferralData.friendForm("Private Friend", Fixtures.unique("pf") + "@private.example"), "10.2.2.2",
                io.goodword.security.FormGuard.Once.none()).leadId();
        Http ownerAdmin = Fixtures.signedIn(app, owner);
        ReferralData.moveTo(ownerAdmin, lead, "QUALIFIED", "");
        long reward = ReferralData.rewards(owner.workspaceId(), lead).get(0).id();

        Fixtures.Freelancer intruder = Fixtures.freelancer();
        Http other = Fixtures.signedIn(app, intruder);
        assertThat(other.get("/admin/referrals/leads/" + lead).status()).isEqualTo(404);
        assertThat(ReferralData.moveTo(other, lead, "WON", "1").status()).isEqualTo(404);
        assertThat(other.post("/admin/referrals/leads/" + lead + "/note", Map.of("body", "hi")).status()).isEqualTo(404);
        assertThat(other.post("/admin/referrals/leads/" + lead + "/review", Map.of("decision", "clear")).status()).isEqualTo(404);
        assertThat(other.post("/admin/referrals/rewards/" + reward + "/fulfil", Map.of("note", "")).status()).isEqualTo(404);
        assertThat(other.post("/admin/referrals/rewards/" + reward + "/cancel", Map.of("reason", "mine")).status()).isEqualTo(404);
        assertThat(other.get("/admin/referrals/programs/" + program).status()).isEqualTo(404);
        assertThat(other.post("/admin/referrals/programs/" + program + "/pause", Map.of()).status()).isEqualTo(404);
        assertThat(other.post("/admin/referrals/ambassadors/" + client + "/link", Map.of("programId", String.valueOf(program))).status()).isEqualTo(404);
        for (String page : List.of("/admin/referrals", "/admin/referrals/rewards", "/admin/referrals/rewards.csv",
                "/admin/referrals/leaderboard", "/admin/referrals/ambassadors", "/admin/referrals/programs")) {
            Http.Response r = other.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).doesNotContain("Private Friend").doesNotContain("Secret Client");
        }
        assertThat(ReferralData.lead(owner.workspaceId(), lead).status()).isEqualTo(Lead.Status.QUALIFIED);
        assertThat(service.rewards().reward(owner.workspaceId(), reward).status()).isEqualTo(Reward.Status.PENDING);
        assertThat(ownerAdmin.get("/admin/referrals").body()).contains("Private Friend");
    }

    @Test
    void referral_admin_pages_need_sign_in() {
        Http.Response r = app.http().get("/admin/referrals");
        assertThat(r.status()).isIn(302, 303);
        assertThat(r.location()).contains("/login");
    }
}
