package io.goodword.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admin actions are recorded with who, what and when, and shown only to their own workspace. */
class AuditLogIT {
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    private static Map<String, String> settings(Fixtures.Freelancer f, String name) {
        Map<String, String> m = new HashMap<>();
        m.put("displayName", name);
        m.put("slug", f.slug());
        m.put("headline", "");
        m.put("bio", "Hello");
        m.put("website", "");
        m.put("brandColor", "#112233");
        m.put("timeZone", "Europe/Berlin");
        m.put("language", "en");
        return m;
    }

    private static List<Element> rows(Http http) {
        Http.Response r = http.get("/admin/settings/audit");
        assertThat(r.status()).isEqualTo(200);
        return r.html().select("#audit tbody tr");
    }

    @Test
    void a_settings_change_is_recorded_with_who_what_and_when_but_a_rejected_one_is_not() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.post("/admin/settings", settings(f, "")).status()).isEqualTo(422);
        assertThat(http.get("/admin/settings/audit").html().select("#audit")).isEmpty();

        assertThat(http.post("/admin/settings", settings(f, "Audited Studio")).status()).isEqualTo(303);
        List<Element> rows = rows(http);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).select("td").get(1).text()).isEqualTo(f.email());
        assertThat(rows.get(0).select("td").get(2).text()).isEqualTo("Changed workspace settings");
        assertThat(rows.get(0).select("td").get(3).text()).isEqualTo("/admin/settings");
        assertThat(rows.get(0).select("time").attr("datetime")).isNotBlank();
        // Times are shown in the workspace's zone, which the change just set.
        assertThat(http.get("/admin/settings/audit").html().select("main p").first().text()).contains("Europe/Berlin");
    }

    @Test
    void entries_are_newest_first_and_never_shown_to_another_workspace() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Fixtures.Freelancer other = Fixtures.freelancer();
        AuditLog log = new AuditLog(TestDb.jdbi());
        log.record(f.workspaceId(), f.accountId(), "data.export", "first");
        log.record(f.workspaceId(), f.accountId(), "privacy.erase", "client #7");
        // An account id from another workspace is never named as the actor.
        log.record(f.workspaceId(), other.accountId(), "data.import", "foreign actor");

        List<Element> mine = rows(Fixtures.signedIn(app, f));
        assertThat(mine).extracting(r -> r.select("td").get(3).text()).containsExactly("foreign actor", "client #7", "first");
        assertThat(mine.get(0).select("td").get(1).text()).isEqualTo("system");
        assertThat(mine.get(1).select("td").get(2).text()).isEqualTo("Erased a client's personal data");
        assertThat(rows(Fixtures.signedIn(app, other))).isEmpty();
    }
}
