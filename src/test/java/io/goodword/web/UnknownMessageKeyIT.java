package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * L8: status columns become message keys ("outbox.status." + status). A value that is not a known status (written by
 * an import, a bug or a hand edit) must come out as escaped text, never as markup.
 */
class UnknownMessageKeyIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    @Test
    void a_status_holding_markup_written_straight_into_the_database_renders_escaped() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = TestDb.jdbi().withHandle(h -> h.createUpdate(
                "INSERT INTO clients (workspace_id, name, email, company, phone, tags, notes, language) "
                        + "VALUES (:ws, 'Ada', 'ada-l8@example.com', '', '', '', '', 'en')")
                .bind("ws", f.workspaceId()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        TestDb.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO projects (workspace_id, client_id, title, status) VALUES (:ws, :c, 'Site', '<b>x</b>')")
                    .bind("ws", f.workspaceId()).bind("c", client).execute();
            h.createUpdate("INSERT INTO outbox (workspace_id, kind, to_address, subject, text_body, html_body, status) "
                    + "VALUES (:ws, 'test', 'a@example.com', 's', 't', 'h', '<b>x</b>')").bind("ws", f.workspaceId()).execute();
        });
        Http http = Fixtures.signedIn(app, f);

        Http.Response outbox = http.get("/admin/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertNoInjectedBold(outbox.html());
        assertThat(outbox.body()).contains("&lt;b&gt;x&lt;/b&gt;");

        Http.Response clientPage = http.get("/admin/clients/" + client);
        assertThat(clientPage.status()).isEqualTo(200);
        assertNoInjectedBold(clientPage.html());
    }

    @Test
    void an_unknown_key_is_escaped_and_a_known_one_is_kept_as_trusted_markup() {
        Localizer en = I18n.load().localizer("en");
        assertThat(en.lookup("no.such.key.<img src=x onerror=alert(1)>")).isEqualTo("no.such.key.&lt;img src=x onerror=alert(1)&gt;");
        assertThat(en.text("no.such.<b>")).isEqualTo("no.such.<b>");
    }

    private static void assertNoInjectedBold(Document page) {
        assertThat(page.select("b").eachText()).doesNotContain("x");
    }
}
