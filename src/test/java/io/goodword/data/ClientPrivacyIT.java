package io.goodword.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client's privacy requests: everything about them as JSON, and an erasure that leaves no personal data anywhere. */
class ClientPrivacyIT {
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    /** Every place (table.column) in the whole database whose text holds {@code term}, found via information_schema. */
    private static List<String> everywhere(String term) {
        return TestDb.jdbi().withHandle(h -> {
            List<String> hits = new ArrayList<>();
            List<Map<String, Object>> cols = h.createQuery("""
                    SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
                    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                    WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                      AND c.data_type IN ('varchar','char','text','tinytext','mediumtext','longtext')""").mapToMap().list();
            for (Map<String, Object> col : cols) {
                String sql = "SELECT COUNT(*) FROM `" + col.get("t") + "` WHERE `" + col.get("c") + "` LIKE :like";
                int n = h.createQuery(sql).bind("like", "%" + term + "%").mapTo(Integer.class).one();
                if (n > 0) hits.add(col.get("t") + "." + col.get("c") + "=" + n);
            }
            return hits;
        });
    }

    private static <T> T one(String sql, Class<T> type, Object... args) {
        return TestDb.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(type).one();
        });
    }

    @Test
    void erasure_leaves_no_personal_data_in_any_table_but_keeps_the_anonymous_figures() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String name = "Wilhelmina Erasable-" + Fixtures.unique("n");
        Seed.Rich c = Seed.client(TestDb.jdbi(), f.workspaceId(), name);
        Seed.Rich other = Seed.client(TestDb.jdbi(), f.workspaceId(), "Bystander " + Fixtures.unique("n"));
        // A namesake in another workspace is not this freelancer's to erase.
        Fixtures.Freelancer elsewhere = Fixtures.freelancer();
        Seed.client(TestDb.jdbi(), elsewhere.workspaceId(), name);
        assertThat(everywhere(c.email())).isNotEmpty();
        assertThat(everywhere(name).size()).isGreaterThan(5);

        Http http = Fixtures.signedIn(app, f);
        assertThat(http.get("/admin/clients/" + c.clientId()).html().select("a[href=/admin/clients/" + c.clientId() + "/privacy]")).hasSize(1);
        Http.Response r = http.post("/admin/clients/" + c.clientId() + "/privacy/erase", Map.of("testimonials", "anonymize", "confirm", "yes"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(http.get(r.location()).html().select("#erased").text()).contains("was erased");

        assertThat(everywhere(c.email())).isEmpty();
        assertThat(everywhere(c.phone())).isEmpty();
        // The only rows still holding the name are the namesake's, in the other workspace.
        int namesakeRows = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM clients WHERE workspace_id = :ws AND name = :n").bind("ws", elsewhere.workspaceId())
                .bind("n", name).mapTo(Integer.class).one());
        assertThat(namesakeRows).isEqualTo(1);
        int left = TestDb.jdbi().withHandle(h -> countWithName(h, f.workspaceId(), name));
        assertThat(left).isZero();

        // Anonymous figures stay: the score, the project value, the rating; the testimonial is anonymous.
        assertThat(one("SELECT score FROM asks WHERE id = ?", Integer.class, c.askId())).isEqualTo(9);
        assertThat(one("SELECT comment IS NULL FROM asks WHERE id = ?", Boolean.class, c.askId())).isTrue();
        assertThat(one("SELECT value_cents FROM projects WHERE id = ?", Long.class, c.projectId())).isEqualTo(480050L);
        assertThat(one("SELECT rating FROM testimonials WHERE id = ?", Integer.class, c.testimonialId())).isEqualTo(5);
        assertThat(one("SELECT name FROM testimonials WHERE id = ?", String.class, c.testimonialId())).isEqualTo("Anonymous client");
        assertThat(one("SELECT erased_at IS NOT NULL FROM clients WHERE id = ?", Boolean.class, c.clientId())).isTrue();
        // The bystander is untouched.
        assertThat(one("SELECT email FROM clients WHERE id = ?", String.class, other.clientId())).isEqualTo(other.email());
        assertThat(one("SELECT comment FROM asks WHERE id = ?", String.class, other.askId())).contains(other.name());
        // Recorded, without naming the person.
        String audit = http.get("/admin/settings/audit").html().select("#audit").text();
        assertThat(audit).contains("Erased a client's personal data").contains("client #" + c.clientId()).doesNotContain(name);
    }

    private static int countWithName(Handle h, long ws, String name) {
        return h.createQuery("""
                SELECT (SELECT COUNT(*) FROM clients WHERE workspace_id = :ws AND name LIKE :l)
                     + (SELECT COUNT(*) FROM projects WHERE workspace_id = :ws AND title LIKE :l)
                     + (SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND (body LIKE :l OR name LIKE :l))
                     + (SELECT COUNT(*) FROM case_study_versions WHERE workspace_id = :ws AND content LIKE :l)""")
                .bind("ws", ws).bind("l", "%" + name + "%").mapTo(Integer.class).one();
    }

    @Test
    void removing_testimonials_deletes_them_and_public_pages_are_rebuilt() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Seed.Rich c = Seed.client(TestDb.jdbi(), f.workspaceId(), "Remove Me " + Fixtures.unique("n"));
        long wallBefore = one("SELECT wall_version FROM workspaces WHERE id = ?", Long.class, f.workspaceId());
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.post("/admin/clients/" + c.clientId() + "/privacy/erase",
                Map.of("testimonials", "remove", "confirm", "yes")).status()).isEqualTo(303);
        assertThat(one("SELECT COUNT(*) FROM testimonials WHERE id = ?", Integer.class, c.testimonialId())).isZero();
        assertThat(one("SELECT COUNT(*) FROM asks WHERE id = ?", Integer.class, c.askId())).isEqualTo(1);
        assertThat(one("SELECT wall_version FROM workspaces WHERE id = ?", Long.class, f.workspaceId())).isGreaterThan(wallBefore);
        assertThat(app.http().get("/p/" + f.slug()).body()).doesNotContain(c.name());
    }

    @Test
    void an_unconfirmed_erasure_is_refused_with_the_choice_kept_and_nothing_erased() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Seed.Rich c = Seed.client(TestDb.jdbi(), f.workspaceId(), "Not Yet " + Fixtures.unique("n"));
        Http http = Fixtures.signedIn(app, f);
        Http.Response r = http.post("/admin/clients/" + c.clientId() + "/privacy/erase", Map.of("testimonials", "remove"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-confirm-error").text()).contains("cannot be undone");
        assertThat(r.html().select("input[value=remove]").attr("checked")).isNotNull();
        assertThat(r.html().select("input[value=remove][checked]")).hasSize(1);
        Http.Response noChoice = http.post("/admin/clients/" + c.clientId() + "/privacy/erase", Map.of("confirm", "yes"));
        assertThat(noChoice.status()).isEqualTo(422);
        assertThat(noChoice.html().select("#f-testimonials-error").text()).contains("Choose");
        assertThat(noChoice.html().select("#f-confirm[checked]")).hasSize(1);
        assertThat(one("SELECT email FROM clients WHERE id = ?", String.class, c.clientId())).isEqualTo(c.email());
    }

    @Test
    void the_privacy_export_holds_everything_about_the_client_and_nothing_about_others() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Seed.Rich c = Seed.client(TestDb.jdbi(), f.workspaceId(), "Exportable " + Fixtures.unique("n"));
        Seed.Rich other = Seed.client(TestDb.jdbi(), f.workspaceId(), "Other " + Fixtures.unique("n"));
        Downloads.Download d = Downloads.post(Fixtures.signedIn(app, f), "/admin/clients/" + c.clientId() + "/privacy/export");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).startsWith("application/json");
        assertThat(d.disposition()).contains("client-" + c.clientId() + ".json");
        JsonNode json = new ObjectMapper().readTree(d.body());
        assertThat(json.at("/client/email").asText()).isEqualTo(c.email());
        assertThat(json.at("/related/projects/0/title").asText()).isEqualTo("Website for " + c.name());
        assertThat(json.at("/related/asks/0/score").asInt()).isEqualTo(9);
        assertThat(json.at("/related/testimonials/0/body").asText()).contains(c.name());
        assertThat(json.at("/related/outbox/0/to_address").asText()).isEqualTo(c.email());
        assertThat(json.at("/related/client_tasks/0/body").asText()).contains(c.email());
        String text = new String(d.body());
        assertThat(text).doesNotContain(other.email()).doesNotContain(other.name()).doesNotContain("token_hash");
    }

    @Test
    void another_workspaces_client_is_a_404() {
        Fixtures.Freelancer owner = Fixtures.freelancer();
        Seed.Rich c = Seed.client(TestDb.jdbi(), owner.workspaceId(), "Foreign " + Fixtures.unique("n"));
        Http intruder = Fixtures.signedIn(app, Fixtures.freelancer());
        assertThat(intruder.get("/admin/clients/" + c.clientId() + "/privacy").status()).isEqualTo(404);
        assertThat(intruder.post("/admin/clients/" + c.clientId() + "/privacy/erase",
                Map.of("testimonials", "remove", "confirm", "yes")).status()).isEqualTo(404);
        assertThat(Downloads.post(intruder, "/admin/clients/" + c.clientId() + "/privacy/export").status()).isEqualTo(404);
        assertThat(one("SELECT email FROM clients WHERE id = ?", String.class, c.clientId())).isEqualTo(c.email());
    }

    /** One row as text, to compare before and after. */
    private static String row(String table, long id) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT * FROM `" + table + "` WHERE id = :id").bind("id", id)
                .mapToMap().one().toString());
    }

    private static long referralLink(long ws, long clientId, String code) {
        return TestDb.jdbi().withHandle(h -> {
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type)
                    VALUES (:ws, :name, 'Tell a friend', 'Be nice', 'none')""").bind("ws", ws).bind("name", Fixtures.unique("p"))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return h.createUpdate("INSERT INTO referral_links (workspace_id, program_id, client_id, code) VALUES (:ws, :p, :c, :code)")
                    .bind("ws", ws).bind("p", program).bind("c", clientId).bind("code", code)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    @Test
    void erasing_a_client_called_ed_or_id_leaves_statuses_codes_and_json_of_other_rows_intact() {
        for (String shortName : List.of("Ed", "id")) {
            Fixtures.Freelancer f = Fixtures.freelancer();
            Seed.Rich c = Seed.client(TestDb.jdbi(), f.workspaceId(), shortName);
            Seed.Rich other = Seed.client(TestDb.jdbi(), f.workspaceId(), "Reed Bystander " + Fixtures.unique("n"));
            long ownLink = referralLink(f.workspaceId(), c.clientId(), ("ED" + shortName + System.nanoTime()).substring(0, 16).toUpperCase());
            long otherLink = referralLink(f.workspaceId(), other.clientId(), ("IDED" + System.nanoTime()).substring(0, 16));
            long otherVersion = one("SELECT current_version_id FROM case_studies WHERE id = ?", Long.class, other.caseStudyId());
            Map<String, Long> untouched = Map.of("projects", other.projectId(), "asks", other.askId(),
                    "testimonials", other.testimonialId(), "case_studies", other.caseStudyId(),
                    "case_study_versions", otherVersion, "referral_links", otherLink, "clients", other.clientId());
            Map<String, String> before = new java.util.TreeMap<>();
            untouched.forEach((t, id) -> before.put(t, row(t, id)));
            String ownCode = row("referral_links", ownLink);
            String ownStatus = one("SELECT status FROM projects WHERE id = ?", String.class, c.projectId());
            long ownVersion = one("SELECT current_version_id FROM case_studies WHERE id = ?", Long.class, c.caseStudyId());
            String ownHash = one("SELECT content_hash FROM case_study_versions WHERE id = ?", String.class, ownVersion);

            Http http = Fixtures.signedIn(app, f);
            assertThat(http.post("/admin/clients/" + c.clientId() + "/privacy/erase",
                    Map.of("testimonials", "anonymize", "confirm", "yes")).status()).isEqualTo(303);

            Map<String, String> after = new java.util.TreeMap<>();
            untouched.forEach((t, id) -> after.put(t, row(t, id)));
            assertThat(after).as(shortName).isEqualTo(before);
            // The client's own codes, statuses and hashes stay; their name is gone from their own words.
            assertThat(row("referral_links", ownLink)).isEqualTo(ownCode);
            assertThat(one("SELECT status FROM projects WHERE id = ?", String.class, c.projectId())).isEqualTo(ownStatus);
            assertThat(one("SELECT title FROM projects WHERE id = ?", String.class, c.projectId())).isEqualTo("Website for [erased]");
            assertThat(one("SELECT content_hash FROM case_study_versions WHERE id = ?", String.class, ownVersion)).isEqualTo(ownHash);
            String json = one("SELECT content FROM case_study_versions WHERE id = ?", String.class, ownVersion);
            assertThat(json).isEqualTo("{\"title\":\"How [erased] grew\"}");
            assertThat(one("SELECT body FROM testimonials WHERE id = ?", String.class, c.testimonialId()))
                    .isEqualTo("Working with them was great. — [erased]");
            assertThat(everywhere(c.email())).isEmpty();
        }
    }

    @Test
    void erasing_a_client_with_someones_email_never_lifts_that_accounts_login_lockout() {
        // The victim's failed sign-ins come from one address; a second app trusts the proxy header to set it.
        try (TestApp proxied = TestApp.start(Map.of("TRUST_PROXY", "true"))) {
            Map<String, String> fromIp = Map.of("X-Forwarded-For", "198.51.100." + (System.nanoTime() % 200 + 1));
            Fixtures.Freelancer victim = Fixtures.freelancer();
            for (int i = 0; i < 5; i++) {
                proxied.http().post("/login", Map.of("username", victim.email(), "password", "wrong " + i), fromIp);
            }
            Map<String, String> rightPassword = Map.of("username", victim.email(), "password", Fixtures.PASSWORD);
            assertThat(proxied.http().post("/login", rightPassword, fromIp).status()).isEqualTo(429);

            Fixtures.Freelancer attacker = Fixtures.freelancer();
            long decoy = TestDb.jdbi().onDemand(io.goodword.client.ClientDao.class).insert(attacker.workspaceId(), "Decoy",
                    victim.email().toUpperCase(java.util.Locale.ROOT), "", "", "", null, "en");
            assertThat(Fixtures.signedIn(app, attacker).post("/admin/clients/" + decoy + "/privacy/erase",
                    Map.of("testimonials", "remove", "confirm", "yes")).status()).isEqualTo(303);

            assertThat(proxied.http().post("/login", rightPassword, fromIp).status()).isEqualTo(429);
        }
    }
}
