package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.ask.AskDao;
import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.referral.ReferralCodes;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard on a seeded data set with known answers, "today" being 2026-06-15 in Europe/Berlin: the last 30 days
 * are 2026-05-17..2026-06-15 (from 2026-05-16T22:00Z), the 30 before them 2026-04-17..2026-05-16.
 */
class DashboardIT {
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant PERIOD_START = Instant.parse("2026-05-16T22:00:00Z");
    private static final Jdbi JDBI = TestDb.jdbi();
    private static TestApp app;
    private static Fixtures.Freelancer f;
    private static long ambassadorA;

    @BeforeAll
    static void seed() {
        app = TestApp.start(Map.of(), new MutableClock(NOW));
        f = Fixtures.freelancer();
        JDBI.useHandle(h -> h.execute("UPDATE workspaces SET time_zone = 'Europe/Berlin' WHERE id = ?", f.workspaceId()));
        long ws = f.workspaceId();
        // This period: 20 check-ins sent, 18 opened, 15 answered: 10 promoters, 3 passives, 2 detractors.
        // Ask 0 lands exactly on the period's first midnight; asks 0-9 went out 1 day after completion, 10-19 after 5 days.
        for (int i = 0; i < 20; i++) {
            Instant sent = i == 0 ? PERIOD_START : Instant.parse("2026-06-01T08:00:00Z").plus(Duration.ofHours(i));
            Integer score = i < 10 ? Integer.valueOf(9 + i % 2) : i < 13 ? Integer.valueOf(7 + i % 2) : i < 15 ? Integer.valueOf(3) : null;
            ask(ws, sent, sent.minus(Duration.ofDays(i < 10 ? 1 : 5)), i < 18, score);
        }
        // The period before: 4 sent, 2 answered (a 10 in April, a 3 one microsecond before this period's start).
        for (int i = 0; i < 3; i++) ask(ws, Instant.parse("2026-04-20T09:00:00Z"), null, i == 0, i == 0 ? 10 : null);
        ask(ws, PERIOD_START.minusNanos(1000), null, true, 3);

        JDBI.useHandle(h -> {
            // Testimonials: 4 received this period (5, 5, 4, 3 → 4.3), 3 approved; one older one does not count.
            testimonial(h, ws, "2026-05-20T10:00:00Z", 5, "2026-05-21T10:00:00Z");
            testimonial(h, ws, "2026-06-02T10:00:00Z", 5, "2026-06-03T10:00:00Z");
            testimonial(h, ws, "2026-06-05T10:00:00Z", 4, "2026-06-06T10:00:00Z");
            testimonial(h, ws, "2026-06-10T10:00:00Z", 3, null);
            testimonial(h, ws, "2026-03-01T10:00:00Z", 1, null);
            // Referrals: 3 links, 7 visits, 5 leads, 3 qualified, 2 won (1000.00 + 2500.50), rewards 75.00 owed, 40.00 paid.
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, status)
                    VALUES (?, 'Friends', 'Bring a friend', 'Be nice', 'CASH', 'ACTIVE')""").bind(0, ws)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            ClientDao clients = h.attach(ClientDao.class);
            ambassadorA = clients.insert(ws, "Ambassador Anna", null, "", "", "", null, "en");
            long b = clients.insert(ws, "Ambassador Ben", null, "", "", "", null, "en");
            long c = clients.insert(ws, "Ambassador Cleo", null, "", "", "", null, "en");
            long linkA = link(h, ws, program, ambassadorA, "2026-05-18T10:00:00Z");
            long linkB = link(h, ws, program, b, "2026-05-19T10:00:00Z");
            link(h, ws, program, c, "2026-06-01T10:00:00Z");
            GrowthDao growth = h.attach(GrowthDao.class);
            String codeA = h.createQuery("SELECT code FROM referral_links WHERE id = ?").bind(0, linkA).mapTo(String.class).one();
            for (int i = 0; i < 7; i++) growth.recordVisit(codeA, Instant.parse("2026-06-01T10:00:00Z").plusSeconds(i));
            growth.recordVisit(codeA, Instant.parse("2026-05-01T10:00:00Z"));
            lead(h, ws, program, linkA, ambassadorA, "2026-06-01T10:00:00Z", "WON", "2026-06-03T10:00:00Z", "2026-06-05T10:00:00Z", "1000.00");
            lead(h, ws, program, linkA, ambassadorA, "2026-06-02T10:00:00Z", "WON", "2026-06-04T10:00:00Z", "2026-06-06T10:00:00Z", "2500.50");
            lead(h, ws, program, linkA, ambassadorA, "2026-06-03T10:00:00Z", "QUALIFIED", "2026-06-07T10:00:00Z", null, null);
            lead(h, ws, program, linkB, b, "2026-06-04T10:00:00Z", "NEW", null, null, null);
            long l5 = lead(h, ws, program, linkB, b, "2026-06-05T10:00:00Z", "CONTACTED", null, null, null);
            reward(h, ws, program, l5, "REFERRER", "PENDING", "50.00", "2026-06-05T11:00:00Z", null);
            reward(h, ws, program, l5, "FRIEND", "APPROVED", "25.00", "2026-06-05T11:00:00Z", null);
            long old = lead(h, ws, program, linkB, b, "2026-04-20T10:00:00Z", "NEW", null, null, null);
            reward(h, ws, program, old, "REFERRER", "FULFILLED", "40.00", "2026-04-20T11:00:00Z", "2026-06-08T10:00:00Z");
        });
        // Another workspace's unhappy client never counts here.
        Fixtures.Freelancer other = Fixtures.freelancer();
        ask(other.workspaceId(), Instant.parse("2026-06-02T08:00:00Z"), null, true, 0);
    }

    @AfterAll
    static void stop() { app.close(); }

    private static void ask(long ws, Instant sent, Instant completed, boolean opened, Integer score) {
        JDBI.useTransaction(h -> {
            long client = h.attach(ClientDao.class).insert(ws, Fixtures.unique("Asked"), null, "", "", "", null, "en");
            Long project = completed == null ? null : h.attach(ProjectDao.class).insert(ws, client, "Job", 100_00L, "EUR",
                    null, null, "completed", completed);
            AskDao asks = h.attach(AskDao.class);
            long id = asks.insertScheduled(ws, client, project, null, "project", sent, sent);
            asks.markSent(id, sent, sent.plus(Duration.ofDays(30)), null);
            if (opened) asks.markOpened(id, sent);
            if (score != null) asks.answer(id, score, "", "done", sent, sent);
        });
    }

    private static void testimonial(Handle h, long ws, String created, int rating, String approved) {
        h.createUpdate("""
                INSERT INTO testimonials (workspace_id, status, rating, body, name, created_at, approved_at)
                VALUES (?, ?, ?, 'Good work', 'Someone', ?, ?)""").bind(0, ws).bind(1, approved == null ? "pending" : "approved")
                .bind(2, rating).bind(3, Instant.parse(created)).bind(4, approved == null ? null : Instant.parse(approved)).execute();
    }

    private static long link(Handle h, long ws, long program, long client, String created) {
        return h.createUpdate("INSERT INTO referral_links (workspace_id, program_id, client_id, code, created_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, ws).bind(1, program).bind(2, client).bind(3, ReferralCodes.next()).bind(4, Instant.parse(created))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static long lead(Handle h, long ws, long program, long link, long referrer, String created, String status,
                             String qualified, String won, String value) {
        return h.createUpdate("""
                        INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name, email,
                                                    message, consent, status, deal_value, created_at, qualified_at, won_at)
                        VALUES (?, ?, ?, ?, 'LINK', 'Friend', 'friend@example.com', '', TRUE, ?, ?, ?, ?, ?)""")
                .bind(0, ws).bind(1, program).bind(2, link).bind(3, referrer).bind(4, status)
                .bind(5, value == null ? null : new BigDecimal(value)).bind(6, Instant.parse(created))
                .bind(7, qualified == null ? null : Instant.parse(qualified)).bind(8, won == null ? null : Instant.parse(won))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void reward(Handle h, long ws, long program, long lead, String beneficiary, String status, String amount,
                               String created, String fulfilled) {
        h.createUpdate("""
                INSERT INTO referral_rewards (workspace_id, program_id, lead_id, beneficiary, recipient_name, reward_type,
                                              amount, currency, status, created_at, fulfilled_at)
                VALUES (?, ?, ?, ?, 'Someone', 'CASH', ?, 'EUR', ?, ?, ?)""")
                .bind(0, ws).bind(1, program).bind(2, lead).bind(3, beneficiary).bind(4, new BigDecimal(amount)).bind(5, status)
                .bind(6, Instant.parse(created)).bind(7, fulfilled == null ? null : Instant.parse(fulfilled)).execute();
    }

    private static String card(Document d, String id) { return d.select("#card-" + id + " .figure-value").text(); }

    private static String change(Document d, String id) { return d.select("#card-" + id + " .figure-change").text(); }

    private static List<String> row(Document d, String chart, String first) {
        Element tr = d.select("#" + chart + " table tbody tr").stream()
                .filter(r -> r.child(0).text().equals(first)).findFirst().orElseThrow(() -> new AssertionError(first + " in " + chart));
        return tr.children().stream().map(Element::text).toList();
    }

    @Test
    void the_cards_show_the_known_figures_of_the_last_30_days_against_the_30_before() {
        Document d = Fixtures.signedIn(app, f).get("/admin").html();
        assertThat(d.select("h1").text()).isEqualTo("Welcome, " + f.displayName());
        assertThat(d.select("#period-text").text()).contains("2026-05-17 – 2026-06-15").contains("2026-04-17 – 2026-05-16")
                .contains("Europe/Berlin");
        assertThat(card(d, "sent")).isEqualTo("20");
        assertThat(change(d, "sent")).isEqualTo("+16 (before: 4)");
        assertThat(card(d, "openRate")).isEqualTo("90%");
        assertThat(change(d, "openRate")).isEqualTo("+40 pp (before: 50%)"); // 2 of 4 opened before
        assertThat(card(d, "answerRate")).isEqualTo("75%");
        assertThat(card(d, "nps")).isEqualTo("53");
        assertThat(change(d, "nps")).isEqualTo("+53 (before: 0)");
        assertThat(card(d, "received")).isEqualTo("4");
        assertThat(card(d, "approved")).isEqualTo("3");
        assertThat(card(d, "rating")).isEqualTo("4.3");
        assertThat(card(d, "links")).isEqualTo("3");
        assertThat(card(d, "visits")).isEqualTo("7");
        assertThat(change(d, "visits")).isEqualTo("+6 (before: 1)");
        assertThat(card(d, "leads")).isEqualTo("5");
        assertThat(card(d, "qualified")).isEqualTo("3");
        assertThat(card(d, "won")).isEqualTo("2");
        assertThat(card(d, "revenue")).isEqualTo("3,500.50");
        assertThat(card(d, "owed")).isEqualTo("75.00");
        assertThat(card(d, "paid")).isEqualTo("40.00");
        assertThat(d.select("#ambassadors tbody tr").first().text()).isEqualTo("Ambassador Anna 3 2 3,500.50");
        assertThat(d.select("#ambassadors tbody tr a").first().attr("href")).isEqualTo("/admin/clients/" + ambassadorA);
    }

    @Test
    void the_funnels_and_the_nps_trend_are_accessible_svg_with_the_same_numbers_as_a_table() {
        Document d = Fixtures.signedIn(app, f).get("/admin").html();
        assertThat(row(d, "ask-funnel", "Sent")).containsExactly("Sent", "20", "–");
        assertThat(row(d, "ask-funnel", "Opened")).containsExactly("Opened", "18", "90%");
        assertThat(row(d, "ask-funnel", "Answered")).containsExactly("Answered", "15", "83%");
        assertThat(row(d, "ask-funnel", "Promoters")).containsExactly("Promoters", "10", "67%");
        assertThat(row(d, "ask-funnel", "Testimonials")).containsExactly("Testimonials", "4", "40%");
        assertThat(row(d, "referral-funnel", "Visits")).containsExactly("Visits", "7", "233%");
        assertThat(row(d, "referral-funnel", "Won")).containsExactly("Won", "2", "67%");
        // Months are cut at Berlin midnights: the answer at 2026-05-16T22:00Z is in May, as is the one just before.
        assertThat(row(d, "nps-trend", "2026-06")).containsExactly("2026-06", "50", "9", "3", "2");
        assertThat(row(d, "nps-trend", "2026-05")).containsExactly("2026-05", "0", "1", "0", "1");
        assertThat(row(d, "nps-trend", "2026-04")).containsExactly("2026-04", "100", "1", "0", "0");
        assertThat(row(d, "nps-trend", "2026-03")).containsExactly("2026-03", "–", "0", "0", "0");
        for (String id : List.of("ask-funnel", "referral-funnel", "nps-trend", "when-to-ask")) {
            Element svg = d.selectFirst("#" + id + " svg");
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.attr("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.selectFirst("desc").text()).isNotBlank();
        }
        assertThat(d.select("#nps-trend svg desc").text()).contains("50");
        assertThat(d.select("#nps-trend svg rect")).hasSize(3); // April, May (0 draws a 1 px bar), June
        assertThat(d.select("script")).isEmpty();
    }

    @Test
    void when_to_ask_shows_rates_by_delay_and_says_how_many_answers_a_suggestion_needs() {
        Document d = Fixtures.signedIn(app, f).get("/admin").html();
        assertThat(row(d, "when-to-ask", "0–1 days")).containsExactly("0–1 days", "10", "10", "100%", "10", "100%");
        assertThat(row(d, "when-to-ask", "4–7 days")).containsExactly("4–7 days", "10", "5", "50%", "0", "0%");
        assertThat(row(d, "when-to-ask", "8–14 days")).containsExactly("8–14 days", "0", "0", "–", "0", "–");
        assertThat(d.select("#suggestion").text()).isEqualTo("A suggestion for the delay needs at least 30 answers; you have 15 so far.");
    }

    @Test
    void with_enough_answers_the_delay_with_the_most_promoters_per_check_in_is_suggested() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        for (int i = 0; i < 20; i++) {
            Instant sent = Instant.parse("2026-05-01T08:00:00Z").plusSeconds(i * 60L);
            ask(g.workspaceId(), sent, sent.minus(Duration.ofDays(2)), true, i < 15 ? 10 : 8);  // 2-3 days: 15 promoters of 20
            ask(g.workspaceId(), sent, sent.minus(Duration.ofDays(10)), true, i < 15 ? (i < 3 ? 9 : 5) : null); // 8-14 days
        }
        Document d = Fixtures.signedIn(app, g).get("/admin").html();
        assertThat(d.select("#suggestion").text()).startsWith("Check-ins sent 2–3 days after completion brought the most promoters.")
                .contains("Suggested delay: 48 hours (now: 24 hours), based on 35 answers.");
        assertThat(d.select("#suggestion a").attr("href")).isEqualTo("/admin/settings/asking");
    }

    @Test
    void a_custom_range_counts_only_its_days_and_a_bad_range_is_a_422_with_the_input_kept() {
        Http http = Fixtures.signedIn(app, f);
        Document d = http.get("/admin?period=custom&from=2026-06-01&to=2026-06-15").html();
        assertThat(card(d, "sent")).isEqualTo("19");
        assertThat(card(d, "nps")).isEqualTo("50");
        assertThat(d.select("input[name=period][value=custom]").hasAttr("checked")).isTrue();

        Http.Response bad = http.get("/admin?period=custom&from=2026-06-10&to=2026-06-01");
        assertThat(bad.status()).isEqualTo(422);
        Document b = bad.html();
        assertThat(b.select("#f-to-error").text()).isEqualTo("The end must not be before the start.");
        assertThat(b.select("#f-from").val()).isEqualTo("2026-06-10");
        assertThat(b.select("#f-to").val()).isEqualTo("2026-06-01");
        assertThat(card(b, "sent")).isEqualTo("20"); // still useful: the default period is shown
    }

    @Test
    void the_365_day_view_includes_the_older_figures() {
        Document d = Fixtures.signedIn(app, f).get("/admin?period=365").html();
        assertThat(card(d, "sent")).isEqualTo("24");
        assertThat(card(d, "received")).isEqualTo("5");
        assertThat(card(d, "leads")).isEqualTo("6");
    }

    @Test
    void a_friend_opening_an_ambassadors_link_counts_as_a_visit_and_an_unknown_code_does_not() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        String code = JDBI.inTransaction(h -> {
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, referrer_reward_amount,
                                                   referrer_reward_currency, status)
                    VALUES (?, 'Friends', 'Bring a friend', 'Be nice', 'CASH', 50, 'EUR', 'ACTIVE')""").bind(0, g.workspaceId())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long client = h.attach(ClientDao.class).insert(g.workspaceId(), "Visited Vera", null, "", "", "", null, "en");
            long link = link(h, g.workspaceId(), program, client, "2026-06-01T10:00:00Z");
            return h.createQuery("SELECT code FROM referral_links WHERE id = ?").bind(0, link).mapTo(String.class).one();
        });
        Http friend = app.http();
        assertThat(friend.get("/r/" + code).status()).isEqualTo(200);
        assertThat(friend.get("/r/" + code.toLowerCase()).status()).isEqualTo(200);
        assertThat(friend.get("/r/ZZZZZZZZ").status()).isEqualTo(404);
        Document d = Fixtures.signedIn(app, g).get("/admin").html();
        assertThat(card(d, "visits")).isEqualTo("2");
    }
}
