package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.Client;
import io.goodword.client.ClientDao;
import io.goodword.security.FormGuard;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Convert to client" on a won lead: one CSRF-protected POST, one client per person, shown on the lead page. */
class LeadToClientIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static Referrals service;

    @BeforeAll
    static void start() {
        service = ReferralData.service(app.baseUrl());
    }

    private static long lead(Fixtures.Freelancer f, String name, String email) {
        long referrer = ReferralData.client(f.workspaceId());
        String code = service.links().linkFor(f.workspaceId(), referrer).orElseThrow().link().code();
        return service.submissions().submitViaLink(service.links().resolve(code).orElseThrow(),
                ReferralData.friendForm(name, email), "10.9.9." + (int) (Math.random() * 200), FormGuard.Once.none()).leadId();
    }

    private static int clientsWithEmail(long ws, String email) {
        return ReferralData.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM clients WHERE workspace_id = :ws AND email = :e")
                .bind("ws", ws).bind("e", email).mapTo(Integer.class).one());
    }

    @Test
    void a_won_lead_becomes_a_client_in_one_post_and_the_lead_page_links_to_it() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        ReferralData.program(f.workspaceId(), "WON", "");
        String email = Fixtures.unique("sofia") + "@sofia.example";
        long lead = lead(f, "Sofia Strand", email);
        String convert = "/admin/referrals/leads/" + lead + "/client";

        assertThat(admin.get("/admin/referrals/leads/" + lead).html().select("#convert-form")).as("not won yet").isEmpty();
        Http.Response early = admin.post(convert, Map.of());
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.html().text()).contains("Only a won lead can become a client.");
        assertThat(clientsWithEmail(f.workspaceId(), email)).isZero();

        assertThat(ReferralData.moveTo(admin, lead, "WON", "1200").status()).isEqualTo(303);
        Document won = admin.get("/admin/referrals/leads/" + lead).html();
        assertThat(won.select("#convert-form").attr("action")).isEqualTo(convert);
        assertThat(won.select("#convert-form input[name=_csrf]")).hasSize(1);
        assertThat(admin.postRaw(convert, Map.of()).status()).as("no CSRF token").isEqualTo(403);
        assertThat(clientsWithEmail(f.workspaceId(), email)).isZero();

        Http.Response converted = admin.post(convert, Map.of());
        assertThat(converted.status()).isEqualTo(303);
        Client c = ReferralData.jdbi().onDemand(ClientDao.class).findByEmail(f.workspaceId(), email).orElseThrow();
        assertThat(c.name()).isEqualTo("Sofia Strand");
        Document page = admin.get("/admin/referrals/leads/" + lead).html();
        assertThat(page.select("#lead-client a").attr("href")).isEqualTo("/admin/clients/" + c.id());
        assertThat(page.select("#lead-client").text()).isEqualTo("Sofia Strand");
        assertThat(page.select("#convert-form")).isEmpty();

        assertThat(admin.post(convert, Map.of()).status()).as("a second click").isEqualTo(303);
        assertThat(clientsWithEmail(f.workspaceId(), email)).isEqualTo(1);
        assertThat(Fixtures.signedIn(app, Fixtures.freelancer()).post(convert, Map.of()).status()).as("another workspace").isEqualTo(404);
    }

    @Test
    void a_won_lead_with_the_email_of_an_existing_client_is_linked_to_that_client() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        ReferralData.program(f.workspaceId(), "WON", "");
        String email = Fixtures.unique("oskar") + "@oskar.example";
        long existing = ReferralData.client(f.workspaceId(), "Oskar Old", email);
        long lead = lead(f, "Oskar New", email);
        ReferralData.moveTo(admin, lead, "WON", "800");
        assertThat(admin.post("/admin/referrals/leads/" + lead + "/client", Map.of()).status()).isEqualTo(303);
        assertThat(clientsWithEmail(f.workspaceId(), email)).isEqualTo(1);
        assertThat(admin.get("/admin/referrals/leads/" + lead).html().select("#lead-client a").attr("href"))
                .isEqualTo("/admin/clients/" + existing);
    }
}
