package io.goodword.data;

import static io.goodword.support.Archives.table;
import static io.goodword.support.Archives.unzip;
import static io.goodword.support.Archives.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.account.WorkspaceDao;
import io.goodword.client.ClientDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Images;
import io.goodword.support.Multipart;
import io.goodword.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole workspace goes out as one ZIP and comes back, into a fresh workspace, as the same data. */
class WorkspaceExportImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    /** Rows without their installation-specific parts (ids, references, image names, secrets), sorted. */
    private static List<String> comparable(List<Map<String, Object>> rows) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new TreeMap<>(r);
            m.keySet().removeIf(k -> k.equals("id") || k.endsWith("_id"));
            m.replaceAll((k, v) -> v instanceof String s && s.matches("[0-9a-f]{32}\\.png") ? "<image>" : v);
            out.add(m.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static byte[] export(Http http) {
        Downloads.Download d = Downloads.post(http, "/admin/settings/export");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).isEqualTo("application/zip");
        assertThat(d.disposition()).startsWith("attachment; filename=\"goodword-");
        return d.body();
    }

    @Test
    void an_export_imported_into_a_fresh_workspace_gives_back_the_same_data() throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Http httpA = Fixtures.signedIn(app, a);
        Map<String, String> settings = new HashMap<>(Map.of("displayName", "Exporting Studio", "slug", a.slug(),
                "headline", "Design that sells", "bio", "Ten years of shops.", "website", "https://studio.example.com",
                "brandColor", "#334455", "timeZone", "Europe/Vienna", "language", "de"));
        assertThat(httpA.post("/admin/settings", settings).status()).isEqualTo(303);
        assertThat(httpA.postMultipart("/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("logo.png", "image/png", Images.png(64, 32, null)))).status()).isEqualTo(303);
        Seed.Rich one = Seed.client(TestDb.jdbi(), a.workspaceId(), "Ingrid Export-" + Fixtures.unique("n"));
        Seed.Rich two = Seed.client(TestDb.jdbi(), a.workspaceId(), "Olaf Export-" + Fixtures.unique("n"));
        // Proof from another place (V65): where it was first published travels with it.
        TestDb.jdbi().onDemand(io.goodword.testimonial.TestimonialDao.class).setProvenance(a.workspaceId(), one.testimonialId(),
                io.goodword.testimonial.Platform.LINKEDIN, "https://www.linkedin.com/in/ingrid", java.time.LocalDate.of(2022, 6, 1),
                "https://media.licdn.com/ingrid.jpg");

        Map<String, byte[]> original = unzip(export(httpA));
        assertThat(original).containsKeys("manifest.json", "workspace.json", "accounts.json", "tables/clients.json",
                "tables/projects.json", "tables/milestones.json", "tables/asks.json", "tables/testimonials.json",
                "tables/case_studies.json", "tables/case_study_versions.json", "clients.csv", "testimonials.csv");
        assertThat(original.keySet()).noneMatch(k -> k.contains("ask_links") || k.contains("testimonial_links"));
        assertThat(original.keySet().stream().filter(k -> k.startsWith("uploads/"))).hasSize(1);
        assertThat(new String(original.get("accounts.json"), StandardCharsets.UTF_8)).contains(a.email()).doesNotContain("password");
        String csv = new String(original.get("clients.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(one.name()).contains(two.email()).contains("Acme & Söhne");
        assertThat(table(original, "clients")).hasSize(2);

        Fixtures.Freelancer b = Fixtures.freelancer();
        Http httpB = Fixtures.signedIn(app, b);
        Http.Response imported = upload(httpB, export(httpA));
        assertThat(imported.status()).isEqualTo(303);

        Map<String, byte[]> again = unzip(export(httpB));
        for (String t : List.of("clients", "projects", "milestones", "asks", "client_tasks", "testimonials",
                "testimonial_consents", "testimonial_proposals", "case_studies", "case_study_versions")) {
            assertThat(comparable(table(again, t))).as(t).isEqualTo(comparable(table(original, t))).isNotEmpty();
        }
        assertThat(table(again, "testimonials")).anySatisfy(t -> {
            assertThat(t.get("origin_platform")).isEqualTo("linkedin");
            assertThat(t.get("source_url")).isEqualTo("https://www.linkedin.com/in/ingrid");
            assertThat(String.valueOf(t.get("original_date"))).startsWith("2022-06-01");
            assertThat(t.get("avatar_url")).isEqualTo("https://media.licdn.com/ingrid.jpg");
        });
        Map<String, Object> wsA = JSON.readValue(original.get("workspace.json"), new TypeReference<>() {});
        Map<String, Object> wsB = JSON.readValue(again.get("workspace.json"), new TypeReference<>() {});
        for (String k : List.of("display_name", "headline", "bio", "website", "brand_color", "time_zone", "language")) {
            assertThat(wsB.get(k)).as(k).isEqualTo(wsA.get(k));
        }
        assertThat(wsB.get("slug")).isEqualTo(b.slug());
        // References point to the same things again: the check-in belongs to the same person and project.
        Map<String, Object> client = table(again, "clients").stream().filter(r -> one.email().equals(r.get("email"))).findFirst().orElseThrow();
        Map<String, Object> ask = table(again, "asks").stream().filter(r -> client.get("id").equals(r.get("client_id"))).findFirst().orElseThrow();
        Map<String, Object> project = table(again, "projects").stream().filter(r -> r.get("id").equals(ask.get("project_id"))).findFirst().orElseThrow();
        assertThat(project.get("title")).isEqualTo("Website for " + one.name());
        Map<String, Object> study = table(again, "case_studies").stream().filter(r -> client.get("id").equals(r.get("client_id"))).findFirst().orElseThrow();
        Map<String, Object> version = table(again, "case_study_versions").stream().filter(r -> r.get("id").equals(study.get("current_version_id"))).findFirst().orElseThrow();
        assertThat(version.get("case_study_id")).isEqualTo(study.get("id"));
        // The logo came along (re-encoded under a new name) and is served.
        String logo = TestDb.jdbi().onDemand(WorkspaceDao.class).findById(b.workspaceId()).orElseThrow().logoFile();
        assertThat(logo).isNotNull();
        assertThat(httpB.get("/media/" + logo).status()).isEqualTo(200);
        // The freelancer sees the imported clients in their own list.
        assertThat(httpB.get("/admin/clients").body()).contains(one.name()).contains(two.name());
        assertThat(TestDb.jdbi().onDemand(ClientDao.class).all(b.workspaceId())).hasSize(2);
        // Both actions are in the audit log.
        String audit = httpB.get("/admin/settings/audit").body();
        assertThat(audit).contains("Imported a workspace export").contains("Exported the whole workspace");
    }

    @Test
    void import_refuses_a_workspace_that_already_has_data_and_keeps_it_untouched() throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Seed.client(TestDb.jdbi(), a.workspaceId(), "Petra Source-" + Fixtures.unique("n"));
        byte[] zip = export(Fixtures.signedIn(app, a));

        Fixtures.Freelancer b = Fixtures.freelancer();
        Seed.Rich mine = Seed.client(TestDb.jdbi(), b.workspaceId(), "Kept Client-" + Fixtures.unique("n"));
        Http.Response r = upload(Fixtures.signedIn(app, b), zip);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-archive-error").text()).contains("already has data");
        assertThat(TestDb.jdbi().onDemand(ClientDao.class).all(b.workspaceId())).extracting(c -> c.name()).containsExactly(mine.name());
    }

    @Test
    void a_file_that_is_not_an_export_gets_a_message_next_to_the_field() {
        Fixtures.Freelancer b = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, b);
        Http.Response none = http.postMultipart("/admin/settings/import", Map.of(), Map.of());
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.html().select("#f-archive-error").text()).isEqualTo("Choose the ZIP file of an export.");
        Http.Response junk = http.postMultipart("/admin/settings/import", Map.of(),
                Map.of("archive", new Multipart.FilePart("x.zip", "application/zip", "not a zip at all".getBytes())));
        assertThat(junk.status()).isEqualTo(422);
        assertThat(junk.html().select("#f-archive-error").text()).isEqualTo("This file is not a Goodword export.");
    }

    @Test
    void webhooks_never_leave_in_an_export_neither_their_secrets_urls_nor_their_deliveries() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        io.goodword.webhook.WebhookDao hooks = TestDb.jdbi().onDemand(io.goodword.webhook.WebhookDao.class);
        String secret = "whsec-" + Fixtures.unique("s");
        String url = "https://hooks.example.invalid/" + Fixtures.unique("receivers-own-token");
        long hook = hooks.insertEndpoint(f.workspaceId(), url, "testimonial.submitted", secret, java.time.Instant.now());
        hooks.setPaused(f.workspaceId(), hook, true); // the running worker sends nothing
        hooks.insertDelivery(f.workspaceId(), hook, java.util.UUID.randomUUID().toString(), "ping", null, null, null,
                "{\"data\":\"Delivery Dana\"}", java.time.Instant.now());
        Map<String, byte[]> files = unzip(export(Fixtures.signedIn(app, f)));
        assertThat(files.keySet()).noneMatch(name -> name.contains("webhook"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
            assertThat(text).as(e.getKey()).doesNotContain(secret, url, "Delivery Dana");
        }
    }

    @Test
    void export_and_import_need_the_csrf_token() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.postRaw("/admin/settings/export", Map.of()).status()).isEqualTo(403);
        // an import (multipart) with a token that is not the visitor's is refused too, before anything is read
        byte[] archive = export(http);
        Http.Response forged = http.postMultipart("/admin/settings/import", Map.of("_csrf", "not-the-visitors-token"),
                Map.of("archive", new Multipart.FilePart("export.zip", "application/zip", archive)));
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void importing_an_export_into_the_same_installation_gives_taken_referral_codes_new_ones_and_says_so() throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Seed.Rich ambassador = Seed.client(TestDb.jdbi(), a.workspaceId(), "Ambassador " + Fixtures.unique("n"));
        String code = io.goodword.referral.ReferralCodes.next();
        TestDb.jdbi().useHandle(h -> {
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type)
                    VALUES (:ws, 'Friends', 'Tell a friend', 'Be nice', 'none')""").bind("ws", a.workspaceId())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO referral_links (workspace_id, program_id, client_id, code) VALUES (:ws, :p, :c, :code)")
                    .bind("ws", a.workspaceId()).bind("p", program).bind("c", ambassador.clientId()).bind("code", code).execute();
        });
        byte[] zip = export(Fixtures.signedIn(app, a));

        Fixtures.Freelancer b = Fixtures.freelancer();
        Http httpB = Fixtures.signedIn(app, b);
        Http.Response r = upload(httpB, zip);
        assertThat(r.status()).isEqualTo(303);
        assertThat(httpB.get(r.location()).body()).contains("Some referral codes were already taken");
        String imported = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT code FROM referral_links WHERE workspace_id = :ws")
                .bind("ws", b.workspaceId()).mapTo(String.class).one());
        assertThat(imported).isNotEqualTo(code).matches("[" + io.goodword.referral.ReferralCodes.ALPHABET + "]{8}");
    }

    @Test
    void imported_check_ins_count_on_the_dashboard_of_a_workspace_that_had_already_been_viewed() throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Seed.client(TestDb.jdbi(), a.workspaceId(), "Ines Counted-" + Fixtures.unique("n"));
        Seed.client(TestDb.jdbi(), a.workspaceId(), "Jon Counted-" + Fixtures.unique("n"));
        Http httpA = Fixtures.signedIn(app, a);
        Document viewedA = httpA.get("/admin?period=365").html();
        assertThat(card(viewedA, "sent")).isEqualTo("2");
        Map<String, byte[]> files = unzip(export(httpA));
        // every counter table, by the hour (V70-V72) or the UTC day (V72, V73), is derived: recounted, never carried
        assertThat(files.keySet()).contains("tables/asks.json")
                .noneMatch(k -> k.matches("tables/\\w+_(hours|utc_days)\\..*"));
        assertThat(new String(files.get("tables/asks.json"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"delay_hours\"").doesNotContain("delay_bucket"); // generated: the importing database computes it

        Fixtures.Freelancer b = Fixtures.freelancer();
        Http httpB = Fixtures.signedIn(app, b);
        httpB.get("/admin?period=365"); // viewed before: nothing of that view may stand in the way of the import's rows
        Http.Response r = upload(httpB, export(httpA));
        assertThat(r.status()).isEqualTo(303);
        Document viewedB = httpB.get("/admin?period=365").html();
        assertThat(card(viewedA, "received")).isEqualTo("2");
        // check-ins and testimonials counted by the database as the import inserts them (V70, V72, V73), no recount
        for (String id : List.of("sent", "openRate", "answerRate", "nps", "received", "approved", "rating")) {
            assertThat(card(viewedB, id)).as(id).isEqualTo(card(viewedA, id)).isNotBlank();
        }
    }

    private static String card(Document d, String id) { return d.select("#card-" + id + " .figure-value").text(); }
}
