package io.goodword.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.ask.Ask;
import io.goodword.ask.AskDao;
import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * F9, clock skew: every token and session ends exactly at its time-to-live by the injected clock, never a second early
 * or late. The clock is driven by hand, so the test proves the boundary without waiting for it.
 */
class TokenExpiryIT {
    static final Duration SECOND = Duration.ofSeconds(1);
    // whole seconds: the database keeps expiry times to the second
    static MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS));
    @RegisterExtension
    static final AppExtension app = new AppExtension().clock(clock);
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDb.jdbi();
    }

    @Test
    void a_reset_link_works_until_the_last_second_of_its_hour_and_not_at_the_hour() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Instant asked = clock.instant();
        assertThat(app.http().post("/password/forgot", Map.of("email", f.email())).status()).isEqualTo(200);
        String body = jdbi.withHandle(h -> h.createQuery(
                        "SELECT text_body FROM outbox WHERE to_address = :to AND kind = 'password-reset' ORDER BY id DESC LIMIT 1")
                .bind("to", f.email()).mapTo(String.class).one());
        Matcher m = Pattern.compile("/password/reset/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(m.find()).isTrue();
        String path = "/password/reset/" + m.group(1);

        clock.set(asked.plus(Duration.ofHours(1)).minus(SECOND));
        assertThat(app.http().get(path).html().select("form[action='" + path + "']")).as("one second before the hour").hasSize(1);
        clock.set(asked.plus(Duration.ofHours(1)));
        assertThat(app.http().get(path).html().select("form[action='" + path + "']")).as("at the hour").isEmpty();
    }

    @Test
    void a_check_in_link_opens_until_the_second_before_it_expires_and_is_gone_at_that_second() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), "Tess Timer", Fixtures.unique("t") + "@example.com",
                "", "", "", "", "en");
        Http admin = Fixtures.signedIn(app, f);
        String url = admin.post("/admin/clients/" + client + "/link", Map.of()).html().select("#personal-link").attr("value");
        String path = url.substring(url.indexOf("/c/"));
        Ask ask = jdbi.onDemand(AskDao.class).forClient(f.workspaceId(), client).get(0);
        assertThat(ask.expiresAt()).isAfter(clock.instant());
        Instant before = clock.instant();
        try {
            clock.set(ask.expiresAt().minus(SECOND));
            assertThat(app.http().get(path).status()).as("one second before expiry").isEqualTo(200);
            clock.set(ask.expiresAt());
            assertThat(app.http().get(path).status()).as("at expiry").isEqualTo(410);
        } finally {
            clock.set(before);
        }
    }

    @Test
    void a_session_is_good_until_the_second_before_thirty_days_and_ends_at_thirty_days() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Instant signedIn = clock.instant();
        Http http = Fixtures.signedIn(app, f);
        try {
            clock.set(signedIn.plus(Auth.ABSOLUTE_LIFETIME).minus(SECOND));
            assertThat(http.get("/admin").status()).as("one second before thirty days").isEqualTo(200);
            clock.set(signedIn.plus(Auth.ABSOLUTE_LIFETIME));
            Http.Response ended = http.get("/admin");
            assertThat(ended.status()).as("at thirty days").isEqualTo(302);
            assertThat(ended.location()).endsWith("/login");
        } finally {
            clock.set(signedIn);
        }
    }
}
