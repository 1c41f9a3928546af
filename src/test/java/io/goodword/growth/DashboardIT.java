package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.ask.AskDao;
import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.referral.ReferralCodes;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard on a seeded data set with known answers, "today" being 2026-06-15 in Europe/Berlin: the last 30 days
 * are 2026-05-17..2026-06-15 (from 2026-05-16T22:00Z), the 30 before them 2026-04-17..2026-05-16.
 */
class DashboardIT {
    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant PERIOD_START = Instant.parse("2026-05-16T22:00:00Z");
    private static final Jdbi JDBI = TestDb.jdbi();
    @RegisterExtension
    private static final AppExtension app = new AppExtension().clock(new MutableClock(NOW));
    private static Fixtures.Freelancer f;
    private static long ambassadorA;

    @BeforeAll
    static void seed() {
        f = Fixtures.freelancer();
        JDBI.useHandle(h -> h.execute("UPDATE workspaces SET time_zone = 'Europe/Berlin' WHERE id = ?", f.workspaceId()));
        long ws = f.workspaceId();
        // This period: 20 check-ins sent, 18 opened, 15 answered: 10 promoters, 3 passives, 2 detractors.
        // Ask 0 lands exactly on the period's first midnight; asks 0-9 went out 1 day after completion, 10-19 after 5 days.
        for (int i = 0; i < 20; i++) {
            Instant sent = i == 0 ? PERIOD_START : Instant.parse("2026-06-01T08:00:00Z").plus(Duration.ofHours(i));
            Integer score = i < 10 ? Integer.valueOf(9 + i % 2) : i < 13 ? Integer.valueOf(7 + i % 2) : i < 15 ? Integer.valueOf(3) : null;
            long id = ask(ws, sent, sent.minus(Duration.ofDays(i < 10 ? 1 : 5)), i < 18, score);
            if (i < 4) gaveTestimonial(id); // 4 of the 15 answers gave a testimonial through this very check-in
        }
        // The period before: 4 sent, 2 answered (a 10 in April, a 3 one microsecond before this period's start).
        for (int i = 0; i < 3; i++) {
            long id = ask(ws, Instant.parse("2026-04-20T09:00:00Z"), null, i == 0, i == 0 ? 10 : null);
            if (i == 0) gaveTestimonial(id); // before the period: not in this period's cohort
        }
        ask(ws, PERIOD_START.minusNanos(1000), null, true, 3);

        JDBI.useHandle(h -> {
            // Testimonials: 4 received this period (5, 5, 4, 3 → 4.3), 3 approved; one older one does not count.
            testimonial(h, ws, "2026-05-20T10:00:00Z", 5, "2026-05-21T10:00:00Z");
            testimonial(h, ws, "2026-06-02T10:00:00Z", 5, "2026-06-03T10:00:00Z");
            testimonial(h, ws, "2026-06-05T10:00:00Z", 4, "2026-06-06T10:00:00Z");
            testimonial(h, ws, "2026-06-10T10:00:00Z", 3, null);
            testimonial(h, ws, "2026-03-01T10:00:00Z", 1, null);
            // Referrals: 3 links, 2 of them used (A visited, B emailed; C only shown), 7 visits, 6 referred leads,
            // 4 qualified, 3 won (EUR 1000.00 + 2500.50, USD 200.00), a direct enquiry won for USD 700.00; rewards owed
            // EUR 75.00 and USD 20.00 (a 10 % discount is not money), EUR 40.00 paid.
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, status)
                    VALUES (?, 'Friends', 'Bring a friend', 'Be nice', 'cash', 'active')""").bind(0, ws)
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
            growth.markVisited(codeA, Instant.parse("2026-06-01T10:00:00Z"));
            h.attach(io.goodword.referral.LinkDao.class).markUsed(ws, linkB, Instant.parse("2026-05-19T11:00:00Z"));
            growth.recordVisit(codeA, Instant.parse("2026-05-01T10:00:00Z"));
            lead(h, ws, program, linkA, ambassadorA, "2026-06-01T10:00:00Z", "WON", "2026-06-03T10:00:00Z", "2026-06-05T10:00:00Z", "1000.00");
            lead(h, ws, program, linkA, ambassadorA, "2026-06-02T10:00:00Z", "WON", "2026-06-04T10:00:00Z", "2026-06-06T10:00:00Z", "2500.50");
            lead(h, ws, program, linkA, ambassadorA, "2026-06-03T10:00:00Z", "QUALIFIED", "2026-06-07T10:00:00Z", null, null);
            lead(h, ws, program, linkB, b, "2026-06-04T10:00:00Z", "NEW", null, null, null);
            long l5 = lead(h, ws, program, linkB, b, "2026-06-05T10:00:00Z", "CONTACTED", null, null, null);
            reward(h, ws, program, l5, "REFERRER", "PENDING", "50.00", "2026-06-05T11:00:00Z", null);
            reward(h, ws, program, l5, "FRIEND", "APPROVED", "25.00", "2026-06-05T11:00:00Z", null);
            long usd = lead(h, ws, program, linkB, b, "2026-06-06T10:00:00Z", "WON", "2026-06-07T10:00:00Z", "2026-06-08T10:00:00Z", "200.00");
            h.execute("UPDATE referral_leads SET deal_currency = 'USD' WHERE id = ?", usd);
            reward(h, ws, program, usd, "REFERRER", "PENDING", "CASH", "20.00", "USD", "2026-06-08T11:00:00Z", null);
            reward(h, ws, program, usd, "FRIEND", "PENDING", "PERCENT", "10.00", "", "2026-06-08T11:00:00Z", null);
            h.execute("""
                    INSERT INTO referral_leads (workspace_id, source, name, email, message, consent, status, deal_value,
                                                deal_currency, created_at, qualified_at, won_at)
                    VALUES (?, 'contact', 'Direct Dora', 'dora@example.com', 'Hello', TRUE, 'won', 700.00, 'USD',
                            '2026-06-02 10:00:00', '2026-06-03 10:00:00', '2026-06-09 10:00:00')""", ws);
            long old = lead(h, ws, program, linkB, b, "2026-04-20T10:00:00Z", "NEW", null, null, null);
            reward(h, ws, program, old, "REFERRER", "FULFILLED", "40.00", "2026-04-20T11:00:00Z", "2026-06-08T10:00:00Z");
        });
        // Another workspace's unhappy client never counts here.
        Fixtures.Freelancer other = Fixtures.freelancer();
        ask(other.workspaceId(), Instant.parse("2026-06-02T08:00:00Z"), null, true, 0);
    }

    /** A check-in sent at {@code sent}; with {@code completed} it was scheduled at that project's completion. */
    private static long ask(long ws, Instant sent, Instant completed, boolean opened, Integer score) {
        return JDBI.inTransaction(h -> {
            long client = h.attach(ClientDao.class).insert(ws, Fixtures.unique("Asked"), null, "", "", "", null, "en");
            Long project = completed == null ? null : h.attach(ProjectDao.class).insert(ws, client, "Job", 100_00L, "EUR",
                    null, null, "completed", completed);
            AskDao asks = h.attach(AskDao.class);
            long id = asks.insertScheduled(ws, client, project, null, completed == null ? "manual" : "project", sent,
                    completed == null ? sent : completed);
            // the updates the worker and the client's link make (the database counts them, V72)
            asks.markSent(id, sent, sent.plus(Duration.ofDays(30)), null);
            if (opened) asks.markOpened(id, sent);
            if (score != null) asks.answer(id, score, "", "done", sent, sent);
            return id;
        });
    }

    /** The client went on from the score to the testimonial step and submitted it, as the flow records it. */
    private static void gaveTestimonial(long askId) {
        JDBI.useTransaction(h -> {
            h.execute("UPDATE asks SET step = 'testimonial' WHERE id = ?", askId);
            assertThat(h.attach(AskDao.class).advance(askId, "testimonial", "done", "score,thanks,testimonial", "", NOW))
                    .isEqualTo(1);
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
                        VALUES (?, ?, ?, ?, 'link', 'Friend', 'friend@example.com', '', TRUE, ?, ?, ?, ?, ?)""")
                .bind(0, ws).bind(1, program).bind(2, link).bind(3, referrer).bind(4, stored(status))
                .bind(5, value == null ? null : new BigDecimal(value)).bind(6, Instant.parse(created))
                .bind(7, qualified == null ? null : Instant.parse(qualified)).bind(8, won == null ? null : Instant.parse(won))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void reward(Handle h, long ws, long program, long lead, String beneficiary, String status, String amount,
                               String created, String fulfilled) {
        reward(h, ws, program, lead, beneficiary, status, "CASH", amount, "EUR", created, fulfilled);
    }

    private static void reward(Handle h, long ws, long program, long lead, String beneficiary, String status, String type,
                               String amount, String currency, String created, String fulfilled) {
        h.createUpdate("""
                INSERT INTO referral_rewards (workspace_id, program_id, lead_id, beneficiary, recipient_name, reward_type,
                                              amount, currency, status, created_at, fulfilled_at)
                VALUES (?, ?, ?, ?, 'Someone', ?, ?, ?, ?, ?, ?)""")
                .bind(0, ws).bind(1, program).bind(2, lead).bind(3, stored(beneficiary)).bind(4, stored(type)).bind(5, new BigDecimal(amount))
                .bind(6, currency).bind(7, stored(status))
                .bind(8, Instant.parse(created)).bind(9, fulfilled == null ? null : Instant.parse(fulfilled)).execute();
    }

    /** An enum name as the app stores it (LowerCaseEnums): the fixtures name them like the code does. */
    private static String stored(String enumName) { return enumName.toLowerCase(java.util.Locale.ROOT); }

    private static String card(Document d, String id) { return d.select("#card-" + id + " .figure-value").text(); }

    private static String change(Document d, String id) { return d.select("#card-" + id + " .figure-change").text(); }

    private static List<String> row(Document d, String chart, String first) {
        Element tr = d.select("#" + chart + " table tbody tr").stream()
                .filter(r -> r.child(0).text().equals(first)).findFirst().orElseThrow(() -> new AssertionError(first + " in " + chart));
        return tr.children().stream().map(Element::text).toList();
    }

    @Test
    void a_german_reader_gets_the_same_figures_written_the_german_way() {
        Document d = Fixtures.signedIn(app, f).get("/admin?lang=de").html();
        // wholeText keeps the no-break space German puts before the sign (text() would make it a plain space)
        assertThat(d.selectFirst("#card-openRate .figure-value").wholeText().strip()).isEqualTo("90\u00a0%");
        assertThat(d.selectFirst("#card-openRate .figure-change").wholeText()).contains("50\u00a0%");
        assertThat(card(d, "rating")).isEqualTo("4,3");
        assertThat(card(d, "sent")).isEqualTo("20");
    }

    @Test
    void the_cards_show_the_known_figures_of_the_last_30_days_against_the_30_before() {
        Document d = Fixtures.signedIn(app, f).get("/admin").html();
        assertThat(d.select("h1").text()).isEqualTo("Welcome, " + f.displayName());
        assertThat(d.select("#zone-hint")).as("Europe/Berlin is a chosen zone").isEmpty();
        assertThat(d.select("#period-text").text()).contains("17 May 2026 – 15 Jun 2026").contains("17 Apr 2026 – 16 May 2026")
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
        assertThat(card(d, "viaAsk")).isEqualTo("4");
        assertThat(change(d, "viaAsk")).isEqualTo("+3 (before: 1)");
        assertThat(card(d, "links")).isEqualTo("2"); // Cleo's link was only shown: never counted
        assertThat(card(d, "visits")).isEqualTo("7");
        assertThat(change(d, "visits")).isEqualTo("+6 (before: 1)");
        assertThat(card(d, "leads")).isEqualTo("6");
        assertThat(card(d, "qualified")).isEqualTo("4");
        assertThat(card(d, "won")).isEqualTo("3");
        assertThat(card(d, "revenue")).isEqualTo("€3,500.50 · $200.00");
        assertThat(change(d, "revenue")).isEqualTo("+€3,500.50, +$200.00 (before: €0.00)");
        assertThat(card(d, "directLeads")).isEqualTo("1");
        assertThat(card(d, "directRevenue")).isEqualTo("$700.00");
        assertThat(card(d, "owed")).isEqualTo("€75.00 · $20.00");
        assertThat(card(d, "paid")).isEqualTo("€40.00");
        assertThat(d.select("#ambassadors tbody tr").first().text()).isEqualTo("Ambassador Anna 3 2 €3,500.50");
        assertThat(d.select("#ambassadors tbody tr").get(1).text()).isEqualTo("Ambassador Ben 3 1 $200.00");
        assertThat(d.select("#ambassadors tbody tr a").first().attr("href")).isEqualTo("/admin/clients/" + ambassadorA);
    }

    @Test
    void the_funnels_and_the_nps_trend_are_accessible_svg_with_the_same_numbers_as_a_table() {
        Document d = Fixtures.signedIn(app, f).get("/admin").html();
        assertThat(row(d, "ask-funnel", "Sent")).containsExactly("Sent", "20", "–");
        assertThat(row(d, "ask-funnel", "Opened")).containsExactly("Opened", "18", "90%");
        assertThat(row(d, "ask-funnel", "Answered")).containsExactly("Answered", "15", "83%");
        assertThat(row(d, "ask-funnel", "Gave a testimonial")).containsExactly("Gave a testimonial", "4", "27%");
        assertThat(d.select("#ask-funnel tbody tr")).hasSize(4);
        assertThat(row(d, "referral-funnel", "Leads")).containsExactly("Leads", "6", "–");
        assertThat(row(d, "referral-funnel", "Qualified")).containsExactly("Qualified", "4", "67%");
        assertThat(row(d, "referral-funnel", "Won")).containsExactly("Won", "3", "75%");
        // Months are cut at Berlin midnights: the answer at 2026-05-16T22:00Z is in May, as is the one just before.
        assertThat(row(d, "nps-trend", "Jun 2026")).containsExactly("Jun 2026", "50", "9", "3", "2");
        assertThat(row(d, "nps-trend", "May 2026")).containsExactly("May 2026", "0", "1", "0", "1");
        assertThat(row(d, "nps-trend", "Apr 2026")).containsExactly("Apr 2026", "100", "1", "0", "0");
        assertThat(row(d, "nps-trend", "Mar 2026")).containsExactly("Mar 2026", "–", "0", "0", "0");
        for (String id : List.of("ask-funnel", "referral-funnel", "nps-trend", "when-to-ask")) {
            Element svg = d.selectFirst("#" + id + " svg");
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.attr("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.selectFirst("desc").text()).isNotBlank();
        }
        assertThat(d.select("#nps-trend svg desc").text()).contains("50");
        assertThat(d.select("#nps-trend svg rect")).hasSize(3); // April, May (0 draws a 1 px bar), June
        // the charts need no script: the only one is the copy buttons' progressive enhancement, never inline
        assertThat(d.select("script:not([src])")).isEmpty();
        assertThat(d.select("script[src]").eachAttr("src")).allMatch(src -> src.startsWith("/static/js/copy."));
    }

    @Test
    void when_to_ask_shows_rates_by_delay_and_says_how_many_answers_a_suggestion_needs() {
        Document d = Fixtures.signedIn(app, f).get("/admin").html();
        // Each check-in's delay was stored when it was sent: 24 h for asks 0-9, 120 h for 10-19; hand-sent ones have none.
        assertThat(row(d, "when-to-ask", "0–1 days")).containsExactly("0–1 days", "10", "10", "100%", "72–100%", "10", "100%");
        assertThat(row(d, "when-to-ask", "4–7 days")).containsExactly("4–7 days", "10", "5", "50%", "24–76%", "0", "0%");
        assertThat(row(d, "when-to-ask", "8–14 days")).containsExactly("8–14 days", "0", "0", "–", "–", "0", "–");
        assertThat(d.select("#suggestion").text()).startsWith("A suggestion for the delay needs at least 30 answers; you have 15 so far.");
        assertThat(d.select("#suggestion a").attr("href")).isEqualTo("/admin/settings/asking#delay-band");
    }

    @Test
    void with_enough_answers_and_intervals_clear_of_each_other_the_best_answered_delay_is_suggested() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        for (int i = 0; i < 30; i++) {
            Instant sent = Instant.parse("2026-05-01T08:00:00Z").plusSeconds(i * 60L);
            ask(g.workspaceId(), sent, sent.minus(Duration.ofDays(2)), true, i < 15 ? 10 : 8);  // 2-3 days: 30 of 30 answered
            ask(g.workspaceId(), sent, sent.minus(Duration.ofDays(10)), true, i < 10 ? 9 : null); // 8-14 days: 10 of 30
        }
        Document d = Fixtures.signedIn(app, g).get("/admin").html();
        assertThat(row(d, "when-to-ask", "8–14 days")).containsExactly("8–14 days", "30", "10", "33%", "19–51%", "10", "100%");
        assertThat(d.select("#suggestion").text()).startsWith("Check-ins sent 2–3 days after completion were answered most often: "
                        + "100% (95 % interval 89–100%), clearly above every other delay.")
                .contains("Suggested delay: 48 hours (now: 24 hours), based on 40 answers.");
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
        assertThat(card(d, "leads")).isEqualTo("7");
        assertThat(card(d, "directLeads")).isEqualTo("1");
    }

    @Test
    void a_friend_opening_an_ambassadors_link_counts_as_a_visit_and_an_unknown_code_does_not() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        String code = JDBI.inTransaction(h -> {
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, referrer_reward_amount,
                                                   referrer_reward_currency, status)
                    VALUES (?, 'Friends', 'Bring a friend', 'Be nice', 'cash', 50, 'EUR', 'active')""").bind(0, g.workspaceId())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long client = h.attach(ClientDao.class).insert(g.workspaceId(), "Visited Vera", null, "", "", "", null, "en");
            long link = link(h, g.workspaceId(), program, client, "2026-06-01T10:00:00Z");
            return h.createQuery("SELECT code FROM referral_links WHERE id = ?").bind(0, link).mapTo(String.class).one();
        });
        assertThat(card(Fixtures.signedIn(app, g).get("/admin").html(), "links")).isEqualTo("0"); // created, never used
        Http friend = app.http();
        assertThat(friend.get("/r/" + code).status()).isEqualTo(200);
        assertThat(friend.get("/r/" + code.toLowerCase()).status()).isEqualTo(200);
        assertThat(friend.get("/r/ZZZZZZZZ").status()).isEqualTo(404);
        Document d = Fixtures.signedIn(app, g).get("/admin").html();
        assertThat(card(d, "visits")).isEqualTo("2");
        assertThat(card(d, "links")).isEqualTo("1"); // shared from its first visit on, counted once
    }

    @Test
    void business_growth_splits_revenue_by_client_origin_per_currency_and_imports_never_enter_the_ask_funnel() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        long ws = g.workspaceId();
        JDBI.useTransaction(h -> {
            ClientDao clients = h.attach(ClientDao.class);
            long amb = clients.insert(ws, "Ambassador Ada", "ada@example.com", "", "", "", null, "en");
            long direct = clients.insert(ws, "Direct Dan", "dan@example.com", "", "", "", null, "en");
            long referred = clients.insert(ws, "Referred Rita", "rita@example.com", "", "", "", null, "en");
            long repeat = clients.insert(ws, "Repeat Rob", "rob@example.com", "", "", "", null, "en");
            // Rita arrived through Ada: a referred lead with her email.
            h.execute("""
                    INSERT INTO referral_leads (workspace_id, referrer_client_id, source, name, email, message, consent, status, created_at)
                    VALUES (?, ?, 'link', 'Rita', 'rita@example.com', '', TRUE, 'won', '2026-05-20 10:00:00')""", ws, amb);
            project(h, ws, repeat, 300_00L, "EUR", "2026-01-10T10:00:00Z"); // before the period: makes Rob a repeat client
            project(h, ws, direct, 1000_00L, "EUR", "2026-06-01T10:00:00Z");
            project(h, ws, referred, 2000_00L, "EUR", "2026-06-02T10:00:00Z");
            project(h, ws, referred, 500_00L, "USD", "2026-06-03T10:00:00Z"); // Rita's second project: repeat
            project(h, ws, repeat, 800_00L, "EUR", "2026-06-05T10:00:00Z");
            project(h, ws, amb, 400_00L, "USD", "2026-06-06T10:00:00Z");
            // Three check-ins in the period: one gave a testimonial through it, one was answered without a recorded
            // opening, one is still unanswered. Two imported and one hand-typed testimonial never enter that funnel.
            for (String source : List.of("import", "import", "manual")) {
                h.execute("INSERT INTO testimonials (workspace_id, status, source, rating, body, name, created_at) "
                        + "VALUES (?, 'approved', ?, 5, 'Great', 'Someone', '2026-06-04 10:00:00')", ws, source);
            }
        });
        long given = ask(ws, Instant.parse("2026-06-01T09:00:00Z"), Instant.parse("2026-05-31T09:00:00Z"), true, 10);
        gaveTestimonial(given);
        long unopened = ask(ws, Instant.parse("2026-06-02T09:00:00Z"), Instant.parse("2026-06-01T09:00:00Z"), false, 8);
        ask(ws, Instant.parse("2026-06-03T09:00:00Z"), Instant.parse("2026-06-02T09:00:00Z"), false, null);
        assertThat(unopened).isPositive();

        Document d = Fixtures.signedIn(app, g).get("/admin").html();
        assertThat(row(d, "revenue-by-origin", "EUR")).containsExactly("EUR", "€2,000.00", "€1,000.00", "€800.00", "€3,800.00", "53%");
        assertThat(row(d, "revenue-by-origin", "USD")).containsExactly("USD", "$0.00", "$400.00", "$500.00", "$900.00", "0%");
        assertThat(card(d, "bookedRevenue")).isEqualTo("€3,800.00 · $900.00");
        assertThat(card(d, "referredRevenue")).isEqualTo("€2,000.00");
        assertThat(card(d, "clients")).isEqualTo("4");
        assertThat(card(d, "repeatRate")).isEqualTo("50%"); // Rita (second project) and Rob, of 4 clients
        assertThat(row(d, "revenue-per-ambassador", "Ambassador Ada")).containsExactly("Ambassador Ada", "1", "€2,000.00");
        assertThat(row(d, "ask-funnel", "Sent")).containsExactly("Sent", "3", "–");
        assertThat(row(d, "ask-funnel", "Opened")).containsExactly("Opened", "2", "67%");
        assertThat(row(d, "ask-funnel", "Answered")).containsExactly("Answered", "2", "100%");
        assertThat(row(d, "ask-funnel", "Gave a testimonial")).containsExactly("Gave a testimonial", "1", "50%");
        assertThat(card(d, "received")).isEqualTo("3");
        assertThat(card(d, "viaAsk")).isEqualTo("1");
    }

    /**
     * A workspace without a referral program and without a project's value had ten referral cards, a funnel and a
     * revenue table of zeros: each section now says in a sentence what is missing and how to get it, and shows its
     * figures again as soon as there is anything to count (a direct enquiry needs no program; a program shows its
     * zeros, which then say something).
     */
    @Test
    void without_a_program_a_projects_value_or_a_delayed_check_in_the_dashboard_says_what_to_do_instead_of_charting_zeros() {
        Fixtures.Freelancer g = Fixtures.freelancer();
        long ws = g.workspaceId();
        ask(ws, Instant.parse("2026-06-01T09:00:00Z"), null, true, 10); // no project: nothing but the check-in
        long client = JDBI.withHandle(h -> h.attach(ClientDao.class).insert(ws, "Quiet Quinn", "quinn@example.com", "", "", "", null, "en"));
        JDBI.useHandle(h -> project(h, ws, client, 0, "EUR", "2026-06-02T10:00:00Z"));
        Http admin = Fixtures.signedIn(app, g);

        Document d = admin.get("/admin").html();
        Element none = d.selectFirst("#referrals-h ~ #referrals-none");
        assertThat(none).as("the referral section's sentence").isNotNull();
        assertThat(none.text()).startsWith("No referral program yet.");
        assertThat(none.select("a").attr("href")).isEqualTo("/admin/referrals/programs/new");
        assertThat(d.select("#card-links, #card-leads, #card-owed, #referral-funnel")).as("referral cards and funnel of zeros").isEmpty();
        assertThat(d.selectFirst("#revenue-none").text()).startsWith("No project with a value was added in this period.");
        assertThat(d.select("#revenue-by-origin")).as("a revenue table of zeros").isEmpty();
        assertThat(card(d, "sent")).as("the other sections keep their figures").isEqualTo("1");
        // days cut at UTC midnight: a workspace still on UTC is offered the setting (one in Berlin is not, below)
        assertThat(d.select("#zone-hint").attr("href")).isEqualTo("/admin/settings#f-timeZone");
        assertThat(d.select("#per-ambassador-h")).as("revenue per ambassador without a program or an ambassador").isEmpty();
        // the one check-in was sent by hand (no delay): "when to ask" says why it has nothing to compare
        assertThat(d.selectFirst("#when-none").text()).contains("you send by hand are not counted");
        assertThat(d.select("#when-to-ask")).as("a chart without a bar").isEmpty();
        assertThat(d.select("#suggestion")).hasSize(1);
        assertThat(Fixtures.signedIn(app, g).get("/admin?lang=de").html().selectFirst("#referrals-none").text()).startsWith("Noch kein Empfehlungsprogramm.");

        // A direct enquiry through the contact page needs no program, and is counted.
        JDBI.useHandle(h -> h.execute("""
                INSERT INTO referral_leads (workspace_id, source, name, email, message, consent, status, created_at)
                VALUES (?, 'contact', 'Dora', 'dora@example.com', '', TRUE, 'new', '2026-06-03 10:00:00')""", ws));
        d = admin.get("/admin").html();
        assertThat(d.select("#referrals-none")).isEmpty();
        assertThat(card(d, "directLeads")).isEqualTo("1");
        assertThat(card(d, "links")).isEqualTo("0");

        // With a program but nothing this period or the one before, its zeros are the figures.
        Fixtures.Freelancer p = Fixtures.freelancer();
        ask(p.workspaceId(), Instant.parse("2026-06-01T09:00:00Z"), null, true, 9);
        JDBI.useHandle(h -> h.execute("""
                INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, status)
                VALUES (?, 'Friends', 'Bring a friend', 'Be nice', 'cash', 'active')""", p.workspaceId()));
        Document withProgram = Fixtures.signedIn(app, p).get("/admin").html();
        assertThat(withProgram.select("#referrals-none")).isEmpty();
        assertThat(card(withProgram, "links")).isEqualTo("0");
        assertThat(withProgram.select("#referral-funnel")).hasSize(1);
        assertThat(withProgram.selectFirst("#per-ambassador-h + p").text()).isEqualTo("No projects from referred clients in this period yet.");

        // A project with a value brings the revenue table back (Quinn's second project: a repeat client's).
        JDBI.useHandle(h -> project(h, ws, client, 1200_00L, "EUR", "2026-06-04T10:00:00Z"));
        d = admin.get("/admin").html();
        assertThat(d.select("#revenue-none")).isEmpty();
        assertThat(row(d, "revenue-by-origin", "EUR")).containsExactly("EUR", "€0.00", "€0.00", "€1,200.00", "€1,200.00", "0%");
    }

    /** A project added the way ClientService adds one: inserted, then its client's origin fixed. */
    private static void project(Handle h, long ws, long client, long cents, String currency, String created) {
        ProjectDao projects = h.attach(ProjectDao.class);
        long id = projects.insert(ws, client, "Job", cents, currency, null, null, "active", null);
        h.execute("UPDATE projects SET created_at = ? WHERE id = ?", Instant.parse(created), id);
        projects.classifyOrigin(ws, client, id);
    }
}
