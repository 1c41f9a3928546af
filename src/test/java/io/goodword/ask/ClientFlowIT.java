package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.mail.OutboxDao;
import io.goodword.mail.OutboxMessage;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's side of a check-in, over real HTTP: every answer saved, bad input answered kindly. */
class ClientFlowIT {
    static MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(800)));
    @RegisterExtension
    // the worker is driven by hand (MAIL_POLL_MILLIS=0): a background pass could hold the ask a test's own pass
    // looks for (claims skip locked rows), and the test would look in the outbox before that pass commits
    static final AppExtension app = new AppExtension().env(Map.of("MAIL_POLL_MILLIS", "0")).clock(clock);
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDb.jdbi();
    }

    record Setup(Fixtures.Freelancer f, Http admin, long client, String path) {}

    /** A freelancer, a client and the personal link the freelancer copied from the client page. */
    static Setup setup(String name) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), name, Fixtures.unique("c") + "@example.com",
                "Acme", "", "", "", "en");
        Http admin = Fixtures.signedIn(app, f);
        Http.Response r = admin.post("/admin/clients/" + client + "/link", Map.of());
        assertThat(r.status()).isEqualTo(200);
        String url = r.html().select("#personal-link").attr("value");
        assertThat(url).matches("http://localhost:\\d+/c/[A-Za-z0-9_-]{43}");
        return new Setup(f, admin, client, url.substring(url.indexOf("/c/")));
    }

    static Ask ask(Setup s) { return jdbi.onDemand(AskDao.class).forClient(s.f().workspaceId(), s.client()).get(0); }

    @Test
    void a_promoter_answers_ten_leaves_a_verified_testimonial_and_is_offered_the_referral_step() {
        Setup s = setup("Ada Lovelace");
        Http client = app.http();
        Document page = client.get(s.path()).html();
        assertThat(page.select("legend").text()).isEqualTo("How likely are you to recommend " + s.f().displayName() + " to a friend or colleague?");
        assertThat(page.select("input[type=radio][name=score]")).hasSize(11);
        assertThat(page.select("label[for=score-10] .sr-only").text()).isEqualTo("10 out of 10");
        assertThat(ask(s).openedAt()).isNotNull();

        Http.Response r = client.post(s.path() + "/score", Map.of("score", "10", "comment", "Brilliant work"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).isEqualTo(s.path());
        assertThat(client.get(s.path()).html().select("h1").text()).isEqualTo("Thank you, Ada!");
        client.post(s.path() + "/step", Map.of("step", "thanks"));

        // the testimonial form, prefilled with what the freelancer knows
        Document form = client.get(s.path()).html();
        assertThat(form.select("input[name=step]").attr("value")).isEqualTo("testimonial");
        assertThat(form.select("#f-name").attr("value")).isEqualTo("Ada Lovelace");
        assertThat(form.select("#f-company").attr("value")).isEqualTo("Acme");
        Map<String, String> testimonial = new java.util.HashMap<>(Map.of("step", "testimonial", "rating", "5",
                "body", "Too short", "name", "Ada Lovelace", "company", "Acme", "consentPublish", "yes"));
        Http.Response tooShort = client.post(s.path() + "/step", testimonial);
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.html().select("#f-body").text()).isEqualTo("Too short");
        assertThat(tooShort.html().select("#f-body-error").text()).isNotBlank();
        testimonial.put("body", "Ada understood our problem in a day and shipped the fix in a week.");
        assertThat(client.post(s.path() + "/step", testimonial).status()).isEqualTo(303);
        Map<String, Object> saved = jdbi.withHandle(h -> h.createQuery(
                "SELECT client_id, verified, source, status FROM testimonials WHERE workspace_id = :ws")
                .bind("ws", s.f().workspaceId()).mapToMap().one());
        assertThat(((Number) saved.get("client_id")).longValue()).isEqualTo(s.client());
        assertThat(saved.get("verified")).isIn(true, 1, (byte) 1);
        assertThat(saved.get("source")).isEqualTo("link");
        assertThat(saved.get("status")).isEqualTo("pending");

        // then the referral step; skipping it ends the flow
        assertThat(client.get(s.path()).html().select("input[name=step]").attr("value")).isEqualTo("referral");
        client.post(s.path() + "/step", Map.of("step", "referral", "skip", "1"));
        Document done = client.get(s.path()).html();
        assertThat(done.select("h1").text()).isEqualTo("Thank you so much, Ada!");
        assertThat(done.select("form")).isEmpty();

        Ask ask = ask(s);
        assertThat(ask.score()).isEqualTo(10);
        assertThat(ask.comment()).isEqualTo("Brilliant work");
        assertThat(ask.stepEnum()).isEqualTo(Step.DONE);
        assertThat(ask.completed()).contains("score", "testimonial").doesNotContain("referral");
        assertThat(ask.finishedAt()).isNotNull();

        // a reused link (another device, the back button) shows the saved answer, never a second answer
        Http.Response again = app.http().post(s.path() + "/score", Map.of("score", "2"));
        assertThat(again.status()).isEqualTo(303);
        assertThat(ask(s).score()).isEqualTo(10);
        assertThat(app.http().get(s.path()).html().select("h1").text()).isEqualTo("Thank you so much, Ada!");
    }

    @Test
    void the_comment_given_with_the_score_is_shown_in_the_admin_and_starts_the_testimonial() {
        Setup s = setup("Mary Shelley");
        Http client = app.http();
        client.post(s.path() + "/score", Map.of("score", "10", "comment", "Loved working with you on the new site!"));
        client.post(s.path() + "/step", Map.of("step", "thanks"));

        Document form = client.get(s.path()).html();
        assertThat(form.select("input[name=step]").attr("value")).isEqualTo("testimonial");
        assertThat(form.select("#f-body").text()).isEqualTo("Loved working with you on the new site!");
        assertThat(form.select("#f-rating-5").hasAttr("checked")).as("a 10 starts at five stars").isTrue();
        assertThat(form.select("#from-comment").text()).isNotBlank();

        Document clientPage = s.admin().get("/admin/clients/" + s.client()).html();
        assertThat(clientPage.select(".timeline").text()).contains("Loved working with you on the new site!");
        Document overview = s.admin().get("/admin/asks").html();
        assertThat(overview.select("q.ask-comment").text()).isEqualTo("Loved working with you on the new site!");
    }

    @Test
    void each_client_action_is_confirmed_on_the_next_page_and_in_the_thank_you_email() {
        Setup s = setup("Lena Ek");
        Http client = app.http();
        client.post(s.path() + "/score", Map.of("score", "9", "comment", ""));
        assertThat(client.get(s.path()).html().select("#flow-saved").text()).isEqualTo("Your answer is saved.");
        client.post(s.path() + "/step", Map.of("step", "thanks"));
        Document form = client.get(s.path()).html();
        assertThat(client.post(s.path() + "/step", Map.of("step", "testimonial", "rating", "5", "name", "Lena Ek",
                "body", "Lena's shop doubled its online orders after the redesign.", "consentPublish", "yes",
                "_stamp", form.select("input[name=_stamp]").val())).status()).isEqualTo(303);

        Document referral = client.get(s.path()).html();
        assertThat(referral.select("input[name=step]").attr("value")).isEqualTo("referral");
        assertThat(referral.select("#arrived-testimonial").text()).startsWith("Your testimonial has arrived.");
        assertThat(client.post(s.path() + "/step", Map.of("step", "referral", "name", "Oskar",
                "email", Fixtures.unique("oskar") + "@example.com", "message", "Needs a logo", "consent", "yes",
                "_stamp", referral.select("input[name=_stamp]").val())).status()).isEqualTo(303);

        Document done = client.get(s.path()).html();
        assertThat(done.select("#flow-done h1").text()).isEqualTo("Thank you so much, Lena!");
        assertThat(done.select("#arrived-testimonial")).hasSize(1);
        assertThat(done.select("#arrived-referral").text()).startsWith("Your introduction has arrived.");
        assertThat(done.select("#arrived-emailed")).hasSize(1);

        String clientEmail = jdbi.onDemand(ClientDao.class).findById(s.f().workspaceId(), s.client()).orElseThrow().email();
        assertThat(jdbi.onDemand(OutboxDao.class).listForWorkspace(s.f().workspaceId(), 20, 0))
                .filteredOn(m -> m.kind().equals("ask-thankyou")).singleElement().satisfies(m -> {
                    assertThat(m.toAddress()).isEqualTo(clientEmail);
                    assertThat(m.textBody()).contains("Your testimonial has arrived.").contains("Your introduction has arrived.");
                });
    }

    private static int count(String table, Setup s) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE workspace_id = :ws")
                .bind("ws", s.f().workspaceId()).mapTo(Integer.class).one());
    }

    /** As a kill -9 between storing a step and moving the flow on leaves it: the step is current again. */
    private static void stepBackTo(Setup s, Ask before) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE asks SET step = :step, completed_steps = :completed WHERE id = :id")
                .bind("step", before.stepEnum().db()).bind("completed", String.join(",", before.completed()))
                .bind("id", before.id()).execute());
    }

    @Test
    void the_same_testimonial_and_friend_forms_sent_again_after_a_crash_are_stored_once_and_the_flow_moves_on() {
        Setup s = setup("Grace Hopper");
        Http client = app.http();
        client.post(s.path() + "/score", Map.of("score", "10", "comment", ""));
        client.post(s.path() + "/step", Map.of("step", "thanks"));

        Document form = client.get(s.path()).html();
        assertThat(form.select("input[name=step]").attr("value")).isEqualTo("testimonial");
        String stamp = form.select("input[name=_stamp]").val();
        assertThat(stamp).as("the rendered testimonial form carries its id").isNotBlank();
        Map<String, String> testimonial = Map.of("step", "testimonial", "rating", "5", "name", "Grace Hopper",
                "body", "Grace found the bug nobody else could and explained it to the whole team.",
                "consentPublish", "yes", "_stamp", stamp);
        Ask before = ask(s);
        assertThat(client.post(s.path() + "/step", testimonial).status()).isEqualTo(303);
        stepBackTo(s, before);
        Http.Response again = client.post(s.path() + "/step", testimonial);
        assertThat(again.status()).as("answered like the first time").isEqualTo(303);
        assertThat(count("testimonials", s)).isEqualTo(1);
        assertThat(ask(s).stepEnum()).isEqualTo(Step.REFERRAL);

        Document referral = client.get(s.path()).html();
        String friendStamp = referral.select("input[name=_stamp]").val();
        assertThat(friendStamp).as("the rendered friend form carries its id").isNotBlank().isNotEqualTo(stamp);
        Map<String, String> friend = Map.of("step", "referral", "name", "Dora", "email", Fixtures.unique("dora") + "@example.com",
                "message", "Needs a new website", "consent", "yes", "_stamp", friendStamp);
        Ask atReferral = ask(s);
        assertThat(client.post(s.path() + "/step", friend).status()).isEqualTo(303);
        stepBackTo(s, atReferral);
        assertThat(client.post(s.path() + "/step", friend).status()).isEqualTo(303);
        assertThat(count("referral_leads", s)).as("the friend is saved once").isEqualTo(1);
        assertThat(ask(s).stepEnum()).isEqualTo(Step.DONE);
    }

    @Test
    void a_detractor_is_asked_what_could_be_better_and_the_answer_reaches_only_the_freelancer() {
        Setup s = setup("Bob Builder");
        Http client = app.http();
        client.post(s.path() + "/score", Map.of("score", "3", "comment", "Late twice"));
        Document feedback = client.get(s.path()).html();
        assertThat(feedback.select("h1").text()).isEqualTo("Thank you for your honesty");
        assertThat(feedback.text()).doesNotContainIgnoringCase("testimonial").doesNotContainIgnoringCase("refer");

        Http.Response empty = client.post(s.path() + "/feedback", Map.of("feedback", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#f-feedback-error").text()).isEqualTo("Please fill this in.");

        client.post(s.path() + "/feedback", Map.of("feedback", "Tell me early when dates slip."));
        assertThat(client.get(s.path()).html().select("h1").text()).isEqualTo("Thank you, Bob");
        assertThat(ask(s).completed()).containsExactly("score", "feedback");

        Document clientPage = s.admin().get("/admin/clients/" + s.client()).html();
        assertThat(clientPage.select(".task .feedback-text").text()).contains("Late twice").contains("Tell me early when dates slip.");
        // the freelancer follows up and ticks the task off, at the portal's (here: moved) clock time
        String done = clientPage.select(".task form").attr("action");
        assertThat(s.admin().post(done, Map.of()).status()).isEqualTo(303);
        assertThat(s.admin().get("/admin/clients/" + s.client()).html().select(".task.done")).hasSize(1);
        java.sql.Timestamp doneAt = jdbi.withHandle(h -> h.createQuery(
                "SELECT done_at FROM client_tasks WHERE client_id = :c").bind("c", s.client()).mapTo(java.sql.Timestamp.class).one());
        assertThat(doneAt.toInstant()).isAfter(Instant.now().plus(Duration.ofDays(700)));
        Fixtures.Freelancer other = Fixtures.freelancer();
        assertThat(Fixtures.signedIn(app, other).post(done, Map.of()).status()).as("another workspace").isEqualTo(404);
        List<OutboxMessage> mails = jdbi.onDemand(OutboxDao.class).listForWorkspace(s.f().workspaceId(), 20, 0);
        assertThat(mails).filteredOn(m -> m.kind().equals("ask-alert")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.toAddress()).isEqualTo(s.f().email()));
        assertThat(mails).filteredOn(m -> m.kind().equals("ask-alert") && m.textBody().contains("Tell me early")).hasSize(1);
        assertThat(mails).filteredOn(m -> !m.toAddress().equals(s.f().email()))
                .allSatisfy(m -> assertThat(m.textBody()).doesNotContain("Late twice").doesNotContain("Tell me early"));
    }

    private static List<OutboxMessage> alerts(Setup s) {
        return jdbi.onDemand(OutboxDao.class).listForWorkspace(s.f().workspaceId(), 20, 0).stream()
                .filter(m -> m.kind().equals("ask-alert")).toList();
    }

    @Test
    void a_detractor_who_writes_feedback_makes_exactly_one_alert_with_the_score_and_the_words() {
        Setup s = setup("Erik Holm");
        Http client = app.http();
        client.post(s.path() + "/score", Map.of("score", "3", "comment", "Late twice"));
        assertThat(alerts(s)).as("the alert waits for the feedback").singleElement()
                .satisfies(m -> assertThat(m.sendAfter()).isAfter(clock.instant()));

        client.post(s.path() + "/feedback", Map.of("feedback", "Tell me early when dates slip."));
        assertThat(alerts(s)).singleElement().satisfies(m -> {
            assertThat(m.textBody()).contains("Late twice").contains("Tell me early when dates slip.");
            assertThat(m.sendAfter()).isBeforeOrEqualTo(clock.instant());
        });
    }

    @Test
    void a_detractor_who_skips_the_feedback_makes_exactly_one_alert_that_goes_at_once() {
        Setup s = setup("Nils Berg");
        Http client = app.http();
        client.post(s.path() + "/score", Map.of("score", "2", "comment", ""));
        client.post(s.path() + "/feedback", Map.of("skip", "1"));
        assertThat(alerts(s)).singleElement().satisfies(m -> assertThat(m.sendAfter()).isBeforeOrEqualTo(clock.instant()));
    }

    @Test
    void scores_outside_zero_to_ten_and_over_long_comments_are_refused_with_what_was_typed_kept() {
        Setup s = setup("Carla Test");
        Http client = app.http();
        Http.Response r = client.post(s.path() + "/score", Map.of("score", "11", "comment", "Kept comment"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#score-error").text()).isEqualTo("Please choose a number from 0 to 10.");
        assertThat(r.html().select("#f-comment").text()).isEqualTo("Kept comment");

        Http.Response missing = client.post(s.path() + "/score", Map.of("comment", "x"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(client.post(s.path() + "/score", Map.of("score", "-1")).status()).isEqualTo(422);

        Http.Response tooLong = client.post(s.path() + "/score", Map.of("score", "8", "comment", "y".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.html().select("#f-comment-error").text()).isEqualTo("Please keep this to 2,000 characters or fewer.");
        assertThat(tooLong.html().select("#score-8").hasAttr("checked")).isTrue();
        assertThat(ask(s).score()).isNull();
    }

    @Test
    void a_bot_filling_the_hidden_field_saves_nothing_and_a_person_keeps_what_they_typed() {
        Setup s = setup("Dora Bot");
        Http.Response r = app.http().post(s.path() + "/score",
                Map.of("score", "9", "comment", "kept", io.goodword.security.FormGuard.HONEYPOT, "http://spam.example"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select(".form-error").text()).contains("a field meant to stay empty was filled");
        assertThat(r.html().select("#score-9").hasAttr("checked")).isTrue();
        assertThat(ask(s).score()).isNull();
        assertThat(ask(s).statusEnum()).isEqualTo(AskStatus.SENT);
    }

    @Test
    void a_client_may_decline_and_then_gets_no_reminders() {
        Setup s = setup("Eve Busy");
        app.http().post(s.path() + "/score", Map.of("skip", "1"));
        Ask ask = ask(s);
        assertThat(ask.statusEnum()).isEqualTo(AskStatus.DECLINED);
        assertThat(ask.nextReminderAt()).isNull();
        assertThat(ask.skipped()).containsExactly("score");
        assertThat(app.http().get(s.path()).html().select("h1").text()).isEqualTo("No problem at all");
    }

    @Test
    void unknown_and_expired_links_get_a_friendly_page_not_an_error() {
        Http.Response unknown = app.http().get("/c/" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html().select("h1").text()).isEqualTo("This link does not work");
        assertThat(unknown.body()).doesNotContain("Page not found");
        assertThat(app.http().get("/c/short").html().select("h1").text()).isEqualTo("This link does not work");

        Setup s = setup("Fay Late");
        clock.advance(Duration.ofDays(31));
        try {
            Http.Response expired = app.http().get(s.path());
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.html().select("h1").text()).isEqualTo("This link has expired");
            assertThat(expired.html().text()).contains(s.f().displayName());
            // under the freelancer's brand: their theme (brand colour) is linked, as on the live check-in page
            assertThat(expired.html().select("link[rel=stylesheet][href^=/p/" + s.f().slug() + "/theme.css]")).hasSize(1);
            assertThat(app.http().post(s.path() + "/score", Map.of("score", "9")).status()).isEqualTo(410);
            assertThat(ask(s).score()).isNull();
        } finally {
            clock.advance(Duration.ofDays(-31));
        }
    }

    @Test
    void the_unsubscribe_page_asks_first_and_unsubscribes_on_the_button() {
        // the unsubscribe link is the one in an email (its own token, not the check-in link's): a check-in sent now,
        // on a Monday morning so the asking rules let it go out at once
        Instant before = clock.instant();
        java.time.ZonedDateTime monday = before.atZone(java.time.ZoneOffset.UTC)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY)).withHour(10).withMinute(0);
        clock.set(monday.toInstant());
        try {
            Fixtures.Freelancer f = Fixtures.freelancer();
            String clientEmail = Fixtures.unique("gus") + "@example.com";
            long client = jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), "Gus Quiet", clientEmail, "Acme", "", "", "", "en");
            assertThat(Fixtures.signedIn(app, f).post("/admin/clients/" + client + "/check-in", Map.of()).status()).isEqualTo(303);
            app.app().worker().runOnce();
            Map<String, Object> mail = jdbi.withHandle(h -> h.createQuery(
                    "SELECT text_body, unsubscribe_url FROM outbox WHERE to_address = :to AND unsubscribe_url IS NOT NULL ORDER BY id DESC LIMIT 1")
                    .bind("to", clientEmail).mapToMap().one());
            String url = (String) mail.get("unsubscribe_url");
            String token = url.substring(url.indexOf("/u/") + 3);
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("/c/([A-Za-z0-9_-]{43})").matcher((String) mail.get("text_body"));
            assertThat(c.find()).isTrue();
            assertThat(token).isNotEqualTo(c.group(1));
            Http visitor = app.http();
            assertThat(visitor.get("/u/" + c.group(1)).status()).isEqualTo(404);
            Http.Response confirm = visitor.get("/u/" + token);
            assertThat(confirm.status()).isEqualTo(200);
            assertThat(confirm.html().select("h1").text()).isEqualTo("Stop these emails?");
            assertThat(jdbi.onDemand(ClientDao.class).findById(f.workspaceId(), client).orElseThrow().unsubscribedAt()).isNull();
            Http.Response done = visitor.post("/u/" + token, Map.of());
            assertThat(done.html().select("h1").text()).isEqualTo("You are unsubscribed");
            assertThat(jdbi.onDemand(ClientDao.class).findById(f.workspaceId(), client).orElseThrow().unsubscribedAt()).isNotNull();
        } finally {
            clock.set(before);
        }
    }
}
