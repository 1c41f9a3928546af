package io.goodword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.ask.AskDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client page offers "Send a check-in now" only when the asking rules let it send, and says why otherwise. */
class SendNowOfferIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().env(Map.of("MAIL_POLL_MILLIS", "0")); // the worker by hand

    private static long client(Fixtures.Freelancer f, String email) {
        return TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Nils Berg", email, "", "", "", "", "en");
    }

    private static Document page(Http admin, long client) { return admin.get("/admin/clients/" + client).html(); }

    @Test
    void a_client_who_can_be_asked_gets_the_button_and_it_sends() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        long c = client(f, Fixtures.unique("nils") + "@example.com");
        Document page = page(admin, c);
        assertThat(page.select("#send-now button").text()).isEqualTo("Send a check-in now");
        assertThat(page.select("#send-blocked")).isEmpty();
        assertThat(admin.post("/admin/clients/" + c + "/check-in", Map.of()).status()).isEqualTo(303);
        assertThat(TestDb.jdbi().onDemand(AskDao.class).forClient(f.workspaceId(), c)).hasSize(1);
        // until the worker has sent it, the page says it is going out rather than offering the button again
        page = page(admin, c);
        assertThat(page.select(".flash").text()).isEqualTo("The check-in is on its way.");
        assertThat(page.select("#send-now")).isEmpty();
        assertThat(page.select("#send-blocked").text()).startsWith("It is going out now");
        assertThat(admin.post("/admin/clients/" + c + "/check-in", Map.of()).status()).as("an old tab's second press").isEqualTo(303);
        assertThat(page(admin, c).select(".flash").text()).isEqualTo("The check-in is on its way.");
        assertThat(TestDb.jdbi().onDemand(AskDao.class).forClient(f.workspaceId(), c)).hasSize(1);
        app.app().worker().runOnce();
        assertThat(page(admin, c).select("#send-blocked").text()).startsWith("A check-in was sent and is waiting for an answer");
    }

    @Test
    void without_an_email_the_page_says_so_instead_of_offering_the_button() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        long c = client(f, null);
        Document page = page(admin, c);
        assertThat(page.select("#send-now")).isEmpty();
        assertThat(page.select("#send-blocked").text()).startsWith("This client has no email address.");
        // a POST anyway (an old tab) is answered with the reason, not "Saved."
        assertThat(admin.post("/admin/clients/" + c + "/check-in", Map.of()).status()).isEqualTo(303);
        assertThat(page(admin, c).select(".flash").text()).startsWith("This client has no email address.");
    }

    @Test
    void an_unsubscribed_client_or_one_with_a_check_in_waiting_for_an_answer_gets_no_button() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        long unsubscribed = client(f, Fixtures.unique("u") + "@example.com");
        TestDb.jdbi().onDemand(ClientDao.class).unsubscribe(f.workspaceId(), unsubscribed, Instant.now());
        assertThat(page(admin, unsubscribed).select("#send-now")).isEmpty();
        assertThat(page(admin, unsubscribed).select("#send-blocked").text()).startsWith("This client unsubscribed");

        long waiting = client(f, Fixtures.unique("w") + "@example.com");
        assertThat(admin.post("/admin/clients/" + waiting + "/link", Map.of()).status()).isEqualTo(200); // the ask is now sent
        Document page = page(admin, waiting);
        assertThat(page.select("#send-now")).isEmpty();
        assertThat(page.select("#send-blocked").text()).startsWith("A check-in was sent and is waiting for an answer");
    }
}
