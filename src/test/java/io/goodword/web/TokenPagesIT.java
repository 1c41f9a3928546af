package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.account.AccountDao;
import io.goodword.client.ClientDao;
import io.goodword.security.Tokens;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page whose URL carries a secret is never cached and never hands its URL on as a Referer, whatever its handler
 * does: one filter per token prefix in the route table, for every prefix the log masks (LogPaths), real pages and
 * refusals alike.
 */
class TokenPagesIT {
    static TestApp app;

    @BeforeAll
    static void start() { app = TestApp.start(); }

    @AfterAll
    static void stop() { app.close(); }

    private static void assertPrivate(Http.Response r, String what) {
        assertThat(r.header("Cache-Control")).as(what + " Cache-Control").isEqualTo("no-store");
        assertThat(r.header("Referrer-Policy")).as(what + " Referrer-Policy").isEqualTo("no-referrer");
    }

    @Test
    void every_token_page_family_is_sent_with_no_store_and_no_referrer() {
        assertThat(LogPaths.TOKEN_PREFIXES).contains("/c/", "/u/", "/approve/", "/password/reset/",
                "/testimonial/edit/", "/reward/");
        for (String prefix : LogPaths.TOKEN_PREFIXES) {
            assertPrivate(app.http().get(prefix + Tokens.random()), "GET " + prefix);
        }
    }

    @Test
    void a_valid_password_reset_page_and_its_refused_form_are_private() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String token = Tokens.random();
        TestDb.jdbi().onDemand(AccountDao.class).insertReset(Tokens.sha256(token), f.accountId(),
                Instant.now().plusSeconds(3600));
        Http visitor = app.http();
        Http.Response page = visitor.get("/password/reset/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertPrivate(page, "the reset page");
        Http.Response refused = visitor.post("/password/reset/" + token, Map.of("password", "short"));
        assertThat(refused.status()).isEqualTo(422);
        assertPrivate(refused, "the refused reset form");
    }

    @Test
    void a_clients_check_in_page_is_private() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Cleo Client",
                Fixtures.unique("c") + "@example.com", "Acme", "", "", "", "en");
        String url = Fixtures.signedIn(app, f).post("/admin/clients/" + client + "/link", Map.of()).html()
                .select("#personal-link").attr("value");
        Http.Response page = app.http().get(url.substring(url.indexOf("/c/")));
        assertThat(page.status()).isEqualTo(200);
        assertPrivate(page, "the check-in page");
    }

    @Test
    void pages_without_a_secret_keep_the_normal_referrer_policy() {
        for (String path : new String[] {"/login", "/password/forgot", "/signup"}) {
            assertThat(app.http().get(path).header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
        }
    }
}
