package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The moment to ask, with a real SMTP server and a clock the test moves. The worker does not run on its own
 * (MAIL_POLL_MILLIS=0): the test runs it one pass at a time, so "nothing more was sent" is a fact, not a race.
 */
class AskSchedulingIT {
    /** A Friday 16:00 UTC in the future, so the test's time never collides with real time. */
    static final Instant FRIDAY_4PM = LocalDate.now(ZoneOffset.UTC).plusYears(1)
            .with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).atTime(16, 0).toInstant(ZoneOffset.UTC);
    static final Instant MONDAY_9AM = FRIDAY_4PM.plus(Duration.ofDays(3)).minus(Duration.ofHours(7));
    static final Pattern LINK = Pattern.compile("/c/([A-Za-z0-9_-]{43})");

    static MutableClock clock = new MutableClock(FRIDAY_4PM);
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail().env(Map.of("MAIL_POLL_MILLIS", "0")).clock(clock);
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDb.jdbi();
    }

    @Test
    void a_completed_project_schedules_the_check_in_a_day_later_on_the_next_working_morning() throws Exception {
        clock.set(FRIDAY_4PM);
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = client(f, "Ada Lovelace");
        Http http = Fixtures.signedIn(app, f);

        Http.Response r = http.post("/admin/clients/" + client + "/projects",
                Map.of("title", "Analytical engine", "currency", "EUR", "status", "completed"));
        assertThat(r.status()).isEqualTo(303);

        Ask ask = open(f, client);
        assertThat(ask.statusEnum()).isEqualTo(AskStatus.SCHEDULED);
        // a day later is Saturday 16:00; the next working moment is Monday 09:00 (UTC workspace, Mon–Fri 9–17)
        assertThat(ask.scheduledFor()).isEqualTo(MONDAY_9AM);

        clock.set(MONDAY_9AM.minusSeconds(60));
        pass();
        assertThat(messagesTo(email(client))).isEmpty();

        clock.set(MONDAY_9AM);
        List<MimeMessage> got = waitFor(email(client), 1);
        MimeMessage m = got.get(0);
        assertThat(m.getSubject()).isEqualTo(f.displayName() + ": how did Analytical engine go?");
        assertThat(m.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:\\d+/u/[A-Za-z0-9_-]{43}>");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text(m)).contains("Hi Ada,").contains("/c/");
        assertThat(open(f, client).statusEnum()).isEqualTo(AskStatus.SENT);

        pass(); // more worker passes send nothing more
        pass();
        assertThat(messagesTo(email(client))).hasSize(1);
    }

    @Test
    void reminders_come_after_three_days_and_stop_once_the_client_answered() throws Exception {
        clock.set(MONDAY_9AM);
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = client(f, "Grace Hopper");
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.post("/admin/clients/" + client + "/check-in", Map.of()).status()).isEqualTo(303);
        String token = token(waitFor(email(client), 1).get(0));

        clock.set(MONDAY_9AM.plus(Duration.ofDays(3)).minusSeconds(60));
        pass();
        assertThat(messagesTo(email(client))).hasSize(1);

        clock.set(MONDAY_9AM.plus(Duration.ofDays(3)));
        List<MimeMessage> got = waitFor(email(client), 2);
        assertThat(got.get(1).getSubject()).startsWith("One quick question");
        assertThat(token(got.get(1))).isNotEqualTo(token); // each email its own link; the first keeps working

        Http visitor = app.http();
        assertThat(visitor.get("/c/" + token).status()).isEqualTo(200);
        assertThat(visitor.post("/c/" + token + "/score", Map.of("score", "10", "comment", "Wonderful")).status()).isEqualTo(303);
        // she goes on past the testimonial and referral steps; the thank-you email follows the end of the flow
        for (String step : List.of("thanks", "testimonial", "referral")) {
            assertThat(visitor.post("/c/" + token + "/step", Map.of("step", step, "skip", "1")).status()).isEqualTo(303);
        }
        List<MimeMessage> withThanks = waitFor(email(client), 3);
        assertThat(withThanks.get(2).getSubject()).isEqualTo("Thank you, Grace");

        clock.set(MONDAY_9AM.plus(Duration.ofDays(10)));
        pass();
        pass();
        assertThat(messagesTo(email(client))).hasSize(3);
        Ask answered = jdbi.onDemand(AskDao.class).forClient(f.workspaceId(), client).get(0);
        assertThat(answered.statusEnum()).isEqualTo(AskStatus.ANSWERED);
        assertThat(answered.score()).isEqualTo(10);
        assertThat(answered.remindersSent()).isEqualTo(1);
        assertThat(answered.openedAt()).isNotNull();
        assertThat(answered.nextReminderAt()).isNull();
    }

    @Test
    void a_client_is_not_asked_again_within_ninety_days_of_the_last_ask() throws Exception {
        clock.set(MONDAY_9AM);
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = client(f, "Alan Turing");
        Http http = Fixtures.signedIn(app, f);
        http.post("/admin/clients/" + client + "/check-in", Map.of());
        waitFor(email(client), 1);

        // the first ask expires after 30 days; 40 days on, a completed project still must not trigger a new one
        clock.set(MONDAY_9AM.plus(Duration.ofDays(40)));
        pass(); // expires the first ask
        http = Fixtures.signedIn(app, f); // a session lasts 30 days from sign-in at most
        http.post("/admin/clients/" + client + "/projects", Map.of("title", "Bombe", "currency", "GBP", "status", "completed"));
        List<Ask> asks = jdbi.onDemand(AskDao.class).forClient(f.workspaceId(), client);
        assertThat(asks).hasSize(1);
        assertThat(asks.get(0).statusEnum()).isEqualTo(AskStatus.EXPIRED);
        assertThat(http.get("/admin/clients/" + client).body()).contains("was asked recently");

        clock.set(MONDAY_9AM.plus(Duration.ofDays(91)));
        http = Fixtures.signedIn(app, f);
        http.post("/admin/clients/" + client + "/projects", Map.of("title", "ACE", "currency", "GBP", "status", "completed"));
        assertThat(jdbi.onDemand(AskDao.class).forClient(f.workspaceId(), client)).hasSize(2);
        assertThat(open(f, client).statusEnum()).isEqualTo(AskStatus.SCHEDULED);
    }

    @Test
    void one_click_unsubscribe_without_cookies_stops_every_email_to_that_client() throws Exception {
        clock.set(MONDAY_9AM);
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = client(f, "Katherine Johnson");
        Http http = Fixtures.signedIn(app, f);
        http.post("/admin/clients/" + client + "/check-in", Map.of());
        MimeMessage checkIn = waitFor(email(client), 1).get(0);
        String unsubscribe = checkIn.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");

        // a mail provider's RFC 8058 one-click POST: no cookie, no CSRF field
        Http provider = app.http();
        Http.Response r = provider.postRaw(unsubscribe.substring(unsubscribe.indexOf("/u/")), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.html().select("h1").text()).isEqualTo("You are unsubscribed");
        assertThat(jdbi.onDemand(ClientDao.class).findById(f.workspaceId(), client).orElseThrow().unsubscribedAt()).isNotNull();
        assertThat(jdbi.onDemand(AskDao.class).forClient(f.workspaceId(), client).get(0).statusEnum()).isEqualTo(AskStatus.CANCELLED);

        // no reminder, no new check-in, not even when asked by hand or by a completed project
        clock.set(MONDAY_9AM.plus(Duration.ofDays(100)));
        http.post("/admin/clients/" + client + "/check-in", Map.of());
        http.post("/admin/clients/" + client + "/projects", Map.of("title", "Orbit", "currency", "USD", "status", "completed"));
        pass();
        clock.set(MONDAY_9AM.plus(Duration.ofDays(110)));
        pass();
        assertThat(messagesTo(email(client))).hasSize(1);
        assertThat(jdbi.onDemand(AskDao.class).findOpen(f.workspaceId(), client)).isEmpty();
    }

    @Test
    void the_unsubscribe_link_has_its_own_token_and_the_check_in_token_no_longer_unsubscribes() throws Exception {
        clock.set(MONDAY_9AM);
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = client(f, "Mary Jackson");
        Http http = Fixtures.signedIn(app, f);
        http.post("/admin/clients/" + client + "/check-in", Map.of());
        MimeMessage checkIn = waitFor(email(client), 1).get(0);
        String header = checkIn.getHeader("List-Unsubscribe")[0];
        String checkInToken = token(checkIn);
        assertThat(header).doesNotContain("/c/").doesNotContain(checkInToken);
        Matcher u = Pattern.compile("/u/([A-Za-z0-9_-]{43})>").matcher(header);
        assertThat(u.find()).isTrue();
        String unsubscribeToken = u.group(1);
        assertThat(text(checkIn)).contains("/u/" + unsubscribeToken);

        Http provider = app.http();
        assertThat(provider.get("/u/" + checkInToken).status()).isEqualTo(404);
        assertThat(provider.postRaw("/u/" + checkInToken, Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(404);
        assertThat(jdbi.onDemand(ClientDao.class).findById(f.workspaceId(), client).orElseThrow().unsubscribedAt()).isNull();
        assertThat(provider.get("/c/" + checkInToken).status()).isEqualTo(200);
        // ... and the unsubscribe token opens nothing but the unsubscribe page
        assertThat(provider.get("/c/" + unsubscribeToken).status()).isNotEqualTo(200);

        assertThat(provider.postRaw("/u/" + unsubscribeToken, Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(200);
        assertThat(jdbi.onDemand(ClientDao.class).findById(f.workspaceId(), client).orElseThrow().unsubscribedAt()).isNotNull();
    }

    @Test
    void working_hours_until_24_are_saved_and_a_completed_project_is_scheduled_up_to_midnight() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Map<String, String> rules = new java.util.HashMap<>(Map.of("delayHours", "1", "workStartHour", "20",
                "workEndHour", "24", "cooldownDays", "90", "reminder1Days", "3", "reminder2Days", "7",
                "maxReminders", "2", "linkDays", "30"));
        rules.put("_csrf", http.csrfToken());
        StringBuilder body = new StringBuilder("days=1&days=2&days=3&days=4&days=5&days=6&days=7");
        rules.forEach((k, v) -> body.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        Http.Response saved = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/admin/settings/asking"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(saved.status()).isEqualTo(303);

        // completed at 22:30: an hour later is 23:30, inside 20–24
        Instant lateFriday = FRIDAY_4PM.plus(Duration.ofHours(6).plusMinutes(30));
        clock.set(lateFriday);
        long late = client(f, "Dorothy Vaughan");
        assertThat(http.post("/admin/clients/" + late + "/projects",
                Map.of("title", "Night shift", "currency", "EUR", "status", "completed")).status()).isEqualTo(303);
        assertThat(open(f, late).scheduledFor()).isEqualTo(lateFriday.plus(Duration.ofHours(1)));

        // completed at 23:30: an hour later is past midnight, so it waits for 20:00 on Saturday
        clock.set(lateFriday.plus(Duration.ofHours(1)));
        long later = client(f, "Annie Easley");
        assertThat(http.post("/admin/clients/" + later + "/projects",
                Map.of("title", "Later shift", "currency", "EUR", "status", "completed")).status()).isEqualTo(303);
        assertThat(open(f, later).scheduledFor()).isEqualTo(FRIDAY_4PM.plus(Duration.ofHours(28)));
    }

    @Test
    void other_posts_to_the_unsubscribe_page_still_need_no_cookie_but_a_valid_token() {
        Http stranger = app.http();
        Http.Response r = stranger.postRaw("/u/" + "x".repeat(43), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.html().select("h1").text()).isEqualTo("This link does not work");
        // and the exemption is only that endpoint: other forms without CSRF are refused
        assertThat(stranger.postRaw("/c/" + "x".repeat(43) + "/score", Map.of("score", "10")).status()).isEqualTo(403);
    }

    @Test
    void two_portal_processes_never_send_the_same_check_in_twice() throws Exception {
        clock.set(MONDAY_9AM.minus(Duration.ofDays(3)));
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long c = client(f, "Twin " + i);
            clients.add(c);
            // completing on Friday 09:00 schedules for Monday 09:00 (Saturday is no working day)
            http.post("/admin/clients/" + c + "/projects", Map.of("title", "P" + i, "currency", "EUR", "status", "completed"));
        }
        try (TestApp second = TestApp.start(app.env(), clock)) {
            clock.set(MONDAY_9AM);
            // both processes' workers at the same moment, a few passes each
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.CompletableFuture<Void>> workers = new ArrayList<>();
            for (TestApp process : List.of(app.get(), second)) {
                workers.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 3; i++) {
                        try {
                            together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        process.app().worker().runOnce();
                    }
                }));
            }
            for (var w : workers) w.get(60, java.util.concurrent.TimeUnit.SECONDS);
            for (long c : clients) assertThat(messagesTo(email(c))).as("emails to client %s", c).hasSize(1);
        }
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE workspace_id = :ws AND kind = 'ask-checkin'")
                .bind("ws", f.workspaceId()).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(6);
    }

    // ---------------------------------------------------------------- helpers

    /** One pass of the worker (its jobs, then the outbox), as the background thread would run it. */
    static void pass() { app.app().worker().runOnce(); }

    static long client(Fixtures.Freelancer f, String name) {
        String email = Fixtures.unique("client") + "@example.com";
        return jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), name, email, "", "", "", "", "en");
    }

    static String email(long client) {
        return jdbi.withHandle(h -> h.createQuery("SELECT email FROM clients WHERE id = :id").bind("id", client)
                .mapTo(String.class).one());
    }

    static Ask open(Fixtures.Freelancer f, long client) {
        return jdbi.onDemand(AskDao.class).findOpen(f.workspaceId(), client).orElseThrow();
    }

    static List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : app.mails().received()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                out.add(m);
            }
        }
        return out;
    }

    /** Runs worker passes until {@code count} emails reached the address (a reminder may take a job pass, then a mail pass). */
    static List<MimeMessage> waitFor(String address, int count) throws Exception {
        for (int i = 0; i < 3; i++) {
            pass();
            List<MimeMessage> got = messagesTo(address);
            if (got.size() >= count) return got;
        }
        throw new AssertionError("expected " + count + " emails to " + address + ", got " + messagesTo(address).size());
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    static String token(MimeMessage m) throws Exception {
        Matcher matcher = LINK.matcher(text(m));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
