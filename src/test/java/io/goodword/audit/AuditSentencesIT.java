package io.goodword.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14: the audit log reads as sentences about named things, in English and German, escaped, never a route. */
class AuditSentencesIT {
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    private static List<String> what(Http http, String query) {
        return http.get("/admin/settings/audit" + query).html().select("#audit tbody tr").stream()
                .map((Element r) -> r.select("td").get(2).text()).toList();
    }

    @Test
    void approving_a_testimonial_reads_as_a_sentence_naming_its_author_in_both_languages() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Jonas Berg", "Founder", "Great work",
                "", "jonas@example.com", true, false);
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.post("/admin/testimonials/" + id + "/status", Map.of("action", "approve")).status()).isEqualTo(303);

        assertThat(what(http, "")).containsExactly("Approved the testimonial of Jonas Berg");
        assertThat(what(http, "?lang=de")).containsExactly("Referenz von Jonas Berg freigegeben");
    }

    @Test
    void names_are_escaped_unknown_actions_fall_back_to_a_sentence_and_a_deleted_subject_says_so() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Fixtures.Freelancer other = Fixtures.freelancer();
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "<b>Eve</b> & Co",
                Fixtures.unique("e") + "@example.com", "", "", "", "", "en");
        long foreign = TestDb.jdbi().onDemand(ClientDao.class).insert(other.workspaceId(), "Foreign Secret",
                Fixtures.unique("x") + "@example.com", "", "", "", "", "en");
        AuditLog log = new AuditLog(TestDb.jdbi());
        log.record(f.workspaceId(), f.accountId(), "privacy.export", "client #" + client);
        log.record(f.workspaceId(), f.accountId(), "POST /admin/clients/{id}", "/admin/clients/" + foreign);
        log.record(f.workspaceId(), f.accountId(), "POST /admin/brand-new/{id}", "/admin/brand-new/1");
        Http http = Fixtures.signedIn(app, f);

        String body = http.get("/admin/settings/audit").body();
        assertThat(body).doesNotContain("<b>Eve</b>").contains("&lt;b&gt;Eve&lt;/b&gt;");
        assertThat(what(http, "")).containsExactly("Made a change (POST /admin/brand-new/{id})",
                // another workspace's client is never named: it reads as gone
                "Edited the client (since deleted)",
                "Exported the personal data of <b>Eve</b> & Co");
        assertThat(what(http, "?lang=de")).containsExactly("Eine Änderung vorgenommen (POST /admin/brand-new/{id})",
                "Kunden (inzwischen gelöscht) bearbeitet", "Personenbezogene Daten von <b>Eve</b> & Co exportiert");
    }
}
