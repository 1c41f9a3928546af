package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.MutableClock;
import io.goodword.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's check-in figures follow what clients do on their links at once: the hourly counters behind them
 * change with each check-in in the same statement (V72's triggers), through the real pages, with no cache to wait for.
 */
class DashboardLiveIT {
    private static final Jdbi JDBI = TestDb.jdbi();
    /**
     * Far in the future, so this test's check-ins are the only ones of their days; no background worker (every step
     * here is a request), which with this clock would send other test classes' check-ins scheduled before it.
     */
    @RegisterExtension
    static final AppExtension app = new AppExtension().env(Map.of("MAIL_POLL_MILLIS", "0"))
            .clock(new MutableClock(Instant.now().plus(Duration.ofDays(900))));

    @Test
    void a_check_in_sent_opened_answered_and_turned_into_a_testimonial_counts_on_the_next_view() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        String promoter = link(f, admin, "Ada Lovelace");
        String detractor = link(f, admin, "Bob Stone");
        Document before = admin.get("/admin").html(); // the first view counts the check-ins so far: the links sent them
        assertThat(card(before, "sent")).isEqualTo("2");
        assertThat(card(before, "openRate")).isEqualTo("0%");

        Http ada = app.http();
        ada.get(promoter);
        assertThat(ada.post(promoter + "/score", Map.of("score", "10", "comment", "")).status()).isEqualTo(303);
        ada.post(promoter + "/step", Map.of("step", "thanks"));
        Map<String, String> testimonial = new HashMap<>(Map.of("step", "testimonial", "rating", "5", "name", "Ada Lovelace",
                "body", "Ada understood our problem in a day and shipped the fix in a week.", "consentPublish", "yes"));
        assertThat(ada.post(promoter + "/step", testimonial).status()).isEqualTo(303);
        Http bob = app.http();
        bob.get(detractor);
        bob.post(detractor + "/score", Map.of("score", "3", "comment", "Late"));
        bob.post(detractor + "/score", Map.of("score", "10", "comment", "")); // a second answer changes nothing

        Document after = admin.get("/admin").html();
        assertThat(card(after, "sent")).isEqualTo("2");
        assertThat(card(after, "openRate")).isEqualTo("100%");
        assertThat(card(after, "answerRate")).isEqualTo("100%");
        assertThat(card(after, "nps")).isEqualTo("0"); // one promoter, one detractor
        assertThat(card(after, "viaAsk")).isEqualTo("1");
    }

    /** The personal link the freelancer copies from a new client's page (which sends that client's check-in). */
    private static String link(Fixtures.Freelancer f, Http admin, String name) {
        long client = JDBI.onDemand(ClientDao.class).insert(f.workspaceId(), name, Fixtures.unique("c") + "@example.com",
                "Acme", "", "", "", "en");
        String url = admin.post("/admin/clients/" + client + "/link", Map.of()).html().select("#personal-link").attr("value");
        return url.substring(url.indexOf("/c/"));
    }

    private static String card(Document d, String id) { return d.select("#card-" + id + " .figure-value").text(); }
}
