package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.audit.AuditLog;
import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, human wording: the admin shows times in the workspace's zone and the page's language (never an ISO string,
 * never UTC beside local time) and statuses and language codes as words, in English and German.
 */
class AdminWordingIT {
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    private static Fixtures.Freelancer inBerlin() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestDb.jdbi().useHandle(h -> h.execute("UPDATE workspaces SET time_zone = 'Europe/Berlin' WHERE id = ?", f.workspaceId()));
        return f;
    }

    @Test
    void times_are_in_the_workspaces_zone_and_the_pages_language_on_the_testimonial_page_and_the_audit_log() {
        Fixtures.Freelancer f = inBerlin();
        Jdbi jdbi = TestDb.jdbi();
        long id = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Jonas Berg", "Founder", "Great work",
                "", "jonas@example.com", true, false);
        jdbi.useHandle(h -> h.execute("UPDATE testimonials SET created_at = '2026-12-02 14:04:09.123456' WHERE id = ?", id));
        new AuditLog(jdbi).record(f.workspaceId(), f.accountId(), "data.export", "");
        jdbi.useHandle(h -> h.execute("UPDATE audit_log SET created_at = '2026-12-02 14:04:09.123456' WHERE workspace_id = ?",
                f.workspaceId()));
        Http http = Fixtures.signedIn(app, f);

        Document en = http.get("/admin/testimonials/" + id).html();
        assertThat(en.select("main dd").eachText()).contains("2 Dec 2026, 15:04");
        assertThat(en.text()).doesNotContain("2026-12-02").doesNotContain("T14:04");
        assertThat(http.get("/admin/settings/audit").html().select("#audit time").text()).isEqualTo("2 Dec 2026, 15:04:09");

        Document de = http.get("/admin/testimonials/" + id + "?lang=de").html();
        assertThat(de.select("main dd").eachText()).contains("2. Dez. 2026, 15:04");
        assertThat(http.get("/admin/settings/audit").html().select("#audit time").text()).isEqualTo("2. Dez. 2026, 15:04:09");
    }

    @Test
    void a_projects_status_and_milestone_day_and_a_clients_language_are_words_in_both_languages() {
        Fixtures.Freelancer f = inBerlin();
        Jdbi jdbi = TestDb.jdbi();
        long client = jdbi.onDemand(ClientDao.class).insert(f.workspaceId(), "Jonas Berg", Fixtures.unique("j") + "@example.com",
                "", "", "", "", "de");
        long project = jdbi.onDemand(ProjectDao.class).insert(f.workspaceId(), client, "Shop", null, "EUR", null, null,
                "active", null);
        jdbi.onDemand(ProjectDao.class).insertMilestone(f.workspaceId(), project, "Launch", LocalDate.of(2026, 12, 24));
        Http http = Fixtures.signedIn(app, f);
        String projectPath = "/admin/clients/" + client + "/projects/" + project;

        Document en = http.get(projectPath).html();
        assertThat(en.select("main p").eachText()).contains("Active");
        assertThat(en.text()).contains("24 Dec 2026").doesNotContain("2026-12-24");
        assertThat(en.select("#f-status option[selected]").text()).isEqualTo("Active");
        Document show = http.get("/admin/clients/" + client).html();
        assertThat(show.select("main dd").eachText()).contains("German").doesNotContain("de");
        assertThat(show.text()).contains("Shop · Active");

        Document de = http.get(projectPath + "?lang=de").html();
        assertThat(de.select("main p").eachText()).contains("Aktiv");
        assertThat(de.text()).contains("24. Dez. 2026");
        assertThat(http.get("/admin/clients/" + client).html().select("main dd").eachText()).contains("Deutsch");
    }

    @Test
    void every_status_shown_by_the_one_helper_has_a_word_in_english_and_german() {
        for (String lang : I18n.LANGUAGES) {
            Localizer t = I18n.load().localizer(lang);
            for (Enum<?> e : java.util.List.<Enum<?>[]>of(io.goodword.client.ProjectStatus.values(),
                    io.goodword.ask.AskStatus.values()).stream().flatMap(java.util.Arrays::stream).toList()) {
                assertThat(t.messages()).as(lang + " " + Localizer.statusKey(e)).containsKey(Localizer.statusKey(e));
                assertThat(t.status(e)).isNotEqualTo(e.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }
}
