package io.goodword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.ask.AskDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client list, client and project pages, CSV import/export and asking settings, over real HTTP. */
class ClientsIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        jdbi = TestDb.jdbi();
    }

    static Map<String, String> client(String name, String email) {
        Map<String, String> m = new HashMap<>(Map.of("name", name, "email", email, "company", "Acme", "phone", "+49 30 123",
                "tags", "Design, retainer", "notes", "Met at a conference", "language", "en"));
        return m;
    }

    @Test
    void a_client_is_added_and_bad_input_is_shown_next_to_its_field_with_everything_kept() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Map<String, String> bad = client("", "not-an-email");
        Http.Response r = http.post("/admin/clients", bad);
        assertThat(r.status()).isEqualTo(422);
        Document page = r.html();
        assertThat(page.select("#f-name-error").text()).isEqualTo("Please fill this in.");
        assertThat(page.select("#f-email-error").text()).contains("does not look like an email");
        assertThat(page.select("#f-email").attr("value")).isEqualTo("not-an-email");
        assertThat(page.select("#f-notes").text()).isEqualTo("Met at a conference");

        String email = Fixtures.unique("ada") + "@example.com";
        Http.Response ok = http.post("/admin/clients", client("Ada Lovelace", email));
        assertThat(ok.status()).isEqualTo(303);
        Document show = http.get(ok.location()).html();
        assertThat(show.select("h1").text()).isEqualTo("Ada Lovelace");
        assertThat(show.select(".flash").text()).isEqualTo("Client added.");
        assertThat(show.select(".tag").eachText()).containsExactly("design", "retainer");
        assertThat(show.select(".timeline li").text()).contains("Client added");

        Http.Response dup = http.post("/admin/clients", client("Ada Again", email.toUpperCase()));
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.html().select("#f-email-error").text()).isEqualTo("Another client already has this email address.");
    }

    @Test
    void another_workspace_cannot_see_or_touch_a_client_or_its_projects() {
        Fixtures.Freelancer owner = Fixtures.freelancer();
        Fixtures.Freelancer other = Fixtures.freelancer();
        long id = jdbi.onDemand(ClientDao.class).insert(owner.workspaceId(), "Secret Client", Fixtures.unique("s") + "@example.com", "", "", "", "", "en");
        long project = jdbi.onDemand(ProjectDao.class).insert(owner.workspaceId(), id, "Secret", null, "EUR", null, null, "active", null);
        Http intruder = Fixtures.signedIn(app, other);
        assertThat(intruder.get("/admin/clients/" + id).status()).isEqualTo(404);
        assertThat(intruder.get("/admin/clients/" + id + "/edit").status()).isEqualTo(404);
        assertThat(intruder.post("/admin/clients/" + id, client("Stolen", "x@example.com")).status()).isEqualTo(404);
        assertThat(intruder.post("/admin/clients/" + id + "/check-in", Map.of()).status()).isEqualTo(404);
        assertThat(intruder.post("/admin/clients/" + id + "/link", Map.of()).status()).isEqualTo(404);
        assertThat(intruder.get("/admin/clients/" + id + "/projects/" + project).status()).isEqualTo(404);
        assertThat(intruder.post("/admin/clients/" + id + "/projects", Map.of("title", "X", "currency", "EUR", "status", "completed")).status()).isEqualTo(404);
        assertThat(intruder.get("/admin/clients").body()).doesNotContain("Secret Client");
        assertThat(intruder.get("/admin/clients/export.csv").body()).doesNotContain("Secret Client");
        assertThat(jdbi.onDemand(ClientDao.class).findById(owner.workspaceId(), id).orElseThrow().name()).isEqualTo("Secret Client");
        assertThat(jdbi.onDemand(AskDao.class).forClient(owner.workspaceId(), id)).isEmpty();
    }

    @Test
    void the_list_searches_filters_by_tag_sorts_and_pages() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        ClientDao dao = jdbi.onDemand(ClientDao.class);
        for (int i = 0; i < 27; i++) dao.insert(f.workspaceId(), String.format("Client %02d", i), null, "", "", i % 2 == 0 ? "even" : "odd", "", "en");
        dao.insert(f.workspaceId(), "Zelda Special", "zelda@example.com", "Hyrule Inc", "", "vip", "", "en");
        Http http = Fixtures.signedIn(app, f);

        Document first = http.get("/admin/clients").html();
        assertThat(first.select("tbody tr")).hasSize(25);
        assertThat(first.select("[role=status]").text()).isEqualTo("28 clients");
        Document second = http.get("/admin/clients?page=2").html();
        assertThat(second.select("tbody tr")).hasSize(3);

        assertThat(http.get("/admin/clients?q=hyrule").html().select("tbody td a").eachText()).containsExactly("Zelda Special");
        assertThat(http.get("/admin/clients?tag=vip").html().select("tbody td a").eachText()).containsExactly("Zelda Special");
        assertThat(http.get("/admin/clients?tag=even").html().select("[role=status]").text()).isEqualTo("14 clients");
        assertThat(http.get("/admin/clients?sort=newest").html().select("tbody td a").first().text()).isEqualTo("Zelda Special");
        assertThat(http.get("/admin/clients?q=%25").html().select("[role=status]").text()).isEqualTo("0 clients");
    }

    @Test
    void projects_milestones_and_their_moments_show_on_the_client_timeline() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), "Tim Line", Fixtures.unique("t") + "@example.com", "", "", "", "", "en");
        Http http = Fixtures.signedIn(app, f);
        Http.Response bad = http.post("/admin/clients/" + id + "/projects", Map.of("title", "Shop", "value", "12,3x", "currency", "EUR",
                "startDate", "2025-05-01", "endDate", "2025-04-01", "status", "active"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select("#f-value-error").text()).isEqualTo("Please enter an amount like 1200 or 1200.50.");
        assertThat(bad.html().select("#f-endDate-error").text()).isEqualTo("The end cannot be before the start.");
        assertThat(bad.html().select("#f-title").attr("value")).isEqualTo("Shop");

        Http.Response created = http.post("/admin/clients/" + id + "/projects", Map.of("title", "Shop", "value", "4800", "currency", "eur",
                "startDate", "2025-03-01", "endDate", "2025-04-01", "status", "active"));
        assertThat(created.status()).isEqualTo(303);
        String projectPath = created.location();
        assertThat(http.post(projectPath + "/milestones", Map.of("name", "", "dueDate", "soon")).status()).isEqualTo(422);
        assertThat(http.post(projectPath + "/milestones", Map.of("name", "Design approved", "dueDate", "2025-03-15")).status()).isEqualTo(303);
        Document project = http.get(projectPath).html();
        assertThat(project.select(".milestones li strong").text()).isEqualTo("Design approved");
        String reach = project.select(".milestones form").attr("action");
        assertThat(http.post(reach, Map.of()).status()).isEqualTo(303);
        assertThat(http.get(projectPath).html().select(".flash").text()).isEqualTo("Saved. A check-in with the client is scheduled.");
        // reaching it again changes nothing and schedules nothing more
        http.post(reach, Map.of());
        assertThat(jdbi.onDemand(AskDao.class).forClient(f.workspaceId(), id)).hasSize(1);

        Document page = http.get("/admin/clients/" + id).html();
        assertThat(page.select(".timeline").text()).contains("Project added: Shop").contains("Milestone reached: Design approved")
                .contains("Check-in scheduled for");
        assertThat(page.select("#open-ask").text()).startsWith("A check-in is scheduled for");
        assertThat(page.select(".projects").text()).contains("4800.00 EUR");
    }

    @Test
    void csv_import_previews_maps_columns_needs_consent_and_merges_or_skips_duplicates() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        ClientDao dao = jdbi.onDemand(ClientDao.class);
        String known = Fixtures.unique("known") + "@example.com";
        dao.insert(f.workspaceId(), "Known Person", known, "", "", "old", "", "en");
        Http http = Fixtures.signedIn(app, f);
        String csv = "Full name;E-Mail;Firma;Tags\nNew Person;new-" + known + ";New Co;a\nKnown Person;" + known + ";Known Co;b\n;nobody@example.com;;\n";

        Http.Response preview = http.post("/admin/clients/import", Map.of("csv", csv));
        assertThat(preview.status()).isEqualTo(200);
        Document p = preview.html();
        assertThat(p.select("#map-name option[selected]").text()).isEqualTo("Full name");
        assertThat(p.select("#map-company option[selected]").text()).isEqualTo("Firma");
        assertThat(p.select("tbody tr")).hasSize(3);
        assertThat(p.select("tbody tr.row-error").text()).contains("Please fill this in.");

        Map<String, String> confirm = new HashMap<>(Map.of("csv", csv, "map.name", "0", "map.email", "1", "map.company", "2",
                "map.tags", "3", "duplicates", "merge", "action", "import"));
        Http.Response noConsent = http.post("/admin/clients/import/confirm", confirm);
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.html().select("#f-consent-error").text()).isEqualTo("Please confirm that these people agreed to hear from you.");
        assertThat(noConsent.html().select("input[value=merge]").hasAttr("checked")).isTrue();
        assertThat(dao.findByEmail(f.workspaceId(), "new-" + known)).isEmpty();

        confirm.put("consent", "yes");
        Http.Response done = http.post("/admin/clients/import/confirm", confirm);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.html().select("#import-summary").text()).isEqualTo("1 added, 1 merged, 0 skipped, 1 not imported.");
        assertThat(done.html().text()).contains("Line 4");
        Client merged = dao.findByEmail(f.workspaceId(), known).orElseThrow();
        assertThat(merged.company()).isEqualTo("Known Co");
        assertThat(merged.tags()).isEqualTo("old,b");
        assertThat(dao.findByEmail(f.workspaceId(), "new-" + known).orElseThrow().company()).isEqualTo("New Co");

        confirm.put("duplicates", "skip");
        confirm.put("csv", "name,email,company\nKnown Person," + known + ",Changed Co\n");
        confirm.put("map.tags", "");
        Http.Response skipped = http.post("/admin/clients/import/confirm", confirm);
        assertThat(skipped.html().select("#import-summary").text()).isEqualTo("0 added, 0 merged, 1 skipped, 0 not imported.");
        assertThat(dao.findByEmail(f.workspaceId(), known).orElseThrow().company()).isEqualTo("Known Co");

        Http.Response empty = http.post("/admin/clients/import", Map.of("csv", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#f-file-error").text()).isEqualTo("Please choose a CSV file or paste its text.");
    }

    @Test
    void export_gives_every_client_as_csv_with_formulas_defused() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), "=cmd|' /C calc'!A0", "evil@example.com", "Evil", "", "", "", "en");
        Http.Response r = Fixtures.signedIn(app, f).get("/admin/clients/export.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        List<String> lines = r.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("name,email,company,phone,tags,notes,language");
        assertThat(lines.get(1)).startsWith("'=cmd|' /C calc'!A0,evil@example.com,Evil");
    }

    @Test
    void asking_rules_and_email_wording_are_edited_previewed_and_validated() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Document page = http.get("/admin/settings/asking").html();
        assertThat(page.select("#f-delayHours").attr("value")).isEqualTo("24");
        assertThat(page.select("#f-cooldownDays").attr("value")).isEqualTo("90");
        assertThat(page.select("#f-checkin-body").text()).contains("{client.firstName}");

        Map<String, String> bad = new HashMap<>(Map.of("delayHours", "abc", "workStartHour", "18", "workEndHour", "9",
                "cooldownDays", "90", "reminder1Days", "3", "reminder2Days", "7", "maxReminders", "5", "linkDays", "30"));
        Http.Response r = http.post("/admin/settings/asking", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-delayHours").attr("value")).isEqualTo("abc");
        assertThat(r.html().select("#f-workEndHour-error").text()).isEqualTo("The end of working hours must be after their start.");
        assertThat(r.html().select("#f-maxReminders-error").text()).isEqualTo("Please enter a whole number from 0 to 2.");
        assertThat(r.html().select(".has-error legend").text()).isEqualTo("Working days");

        bad.putAll(Map.of("delayHours", "48", "workStartHour", "8", "workEndHour", "18", "maxReminders", "1", "days", "2"));
        assertThat(http.post("/admin/settings/asking", bad).status()).isEqualTo(303);
        assertThat(http.get("/admin/settings/asking").html().select("#f-delayHours").attr("value")).isEqualTo("48");

        Http.Response preview = http.post("/admin/settings/asking/templates/checkin",
                Map.of("subject", "Hi {client.firstName}", "body", "About {project.title}, from {freelancer.name}", "action", "preview"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.html().select(".preview-subject").text()).isEqualTo("Hi Ada");
        assertThat(preview.html().select(".preview-body").text()).contains("About Website relaunch, from " + f.displayName());

        Http.Response empty = http.post("/admin/settings/asking/templates/checkin", Map.of("subject", "", "body", "Kept body", "action", "save"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().select("#f-checkin-subject-error").text()).isEqualTo("Please fill this in.");
        assertThat(empty.html().select("#f-checkin-body").text()).isEqualTo("Kept body");

        assertThat(http.post("/admin/settings/asking/templates/checkin", Map.of("subject", "Mine", "body", "My words", "action", "save")).status()).isEqualTo(303);
        assertThat(http.get("/admin/settings/asking").html().select("#f-checkin-subject").attr("value")).isEqualTo("Mine");
        http.post("/admin/settings/asking/templates/checkin", Map.of("action", "reset"));
        assertThat(http.get("/admin/settings/asking").html().select("#f-checkin-subject").attr("value")).contains("{freelancer.name}");
        assertThat(http.post("/admin/settings/asking/templates/nosuch", Map.of("subject", "a", "body", "b")).status()).isEqualTo(404);
    }

    @Test
    void the_asks_overview_shows_what_is_scheduled_next() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), "Next Person", Fixtures.unique("n") + "@example.com", "", "", "", "", "en");
        Http http = Fixtures.signedIn(app, f);
        http.post("/admin/clients/" + id + "/projects", Map.of("title", "Done deal", "currency", "EUR", "status", "completed"));
        Document overview = http.get("/admin/asks").html();
        assertThat(overview.select(".upcoming li").text()).contains("check-in for Next Person");
        assertThat(overview.select("tbody tr").text()).contains("Next Person").contains("Scheduled");
        String cancel = overview.select("tbody form").attr("action");
        assertThat(http.post(cancel, Map.of()).status()).isEqualTo(303);
        assertThat(http.get("/admin/asks?status=cancelled").html().select("tbody tr").text()).contains("Next Person");
        assertThat(http.get("/admin/asks").html().select(".upcoming")).isEmpty();
    }
}
