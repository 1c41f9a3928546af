package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.mail.OutboxDao;
import io.goodword.mail.OutboxMessage;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client's email speaks the client's language all the way down, the unsubscribe footer included. */
class CheckInLanguageIT {
    static TestApp app;

    @BeforeAll
    static void start() { app = TestApp.start(); }

    @AfterAll
    static void stop() { app.close(); }

    @Test
    void a_german_clients_check_in_email_has_no_english_footer() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Greta Müller",
                Fixtures.unique("greta") + "@example.com", "", "", "", "", "de");
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.post("/admin/clients/" + client + "/check-in", Map.of()).status()).isEqualTo(303);
        app.app().worker().runOnce(); // the worker turns the due check-in into its email

        List<OutboxMessage> mails = TestDb.jdbi().onDemand(OutboxDao.class).listForWorkspace(f.workspaceId(), 10, 0);
        OutboxMessage checkIn = mails.stream().filter(m -> m.kind().equals("ask-checkin")).findFirst().orElseThrow();
        assertThat(checkIn.textBody()).contains("E-Mails abbestellen: " + checkIn.unsubscribeUrl())
                .doesNotContain("Unsubscribe");
        var unsubscribe = Jsoup.parse(checkIn.htmlBody()).select("a[href=" + checkIn.unsubscribeUrl() + "]");
        assertThat(unsubscribe.text()).isEqualTo("E-Mails abbestellen");
        assertThat(checkIn.htmlBody()).doesNotContain("Unsubscribe");
    }
}
