package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14: the admin's testimonial forms speak about the client, the public form to the client; no false "saved". */
class EditorVoiceIT {
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    private static String label(Document d, String field) { return d.select("label[for=f-" + field + "]").first().ownText().strip(); }

    @Test
    void admin_forms_say_clients_name_while_the_public_form_keeps_your_name() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Jonas Berg", "Founder", "Great work together",
                "", "jonas@example.com", true, false);
        Http http = Fixtures.signedIn(app, f);

        Document detail = http.get("/admin/testimonials/" + id).html();
        assertThat(label(detail, "name")).isEqualTo("Client's name");
        assertThat(label(detail, "role")).isEqualTo("Client's role");
        assertThat(detail.select("main dt").eachText()).contains("Client's role").doesNotContain("Your role");
        assertThat(label(http.get("/admin/testimonials/new").html(), "name")).isEqualTo("Client's name");
        assertThat(label(http.get("/admin/testimonials/" + id + "?lang=de").html(), "name")).isEqualTo("Name des Kunden");
        http.get("/admin?lang=en");

        Document review = app.get().http().get("/p/" + f.slug() + "/review").html();
        assertThat(label(review, "name")).isEqualTo("Your name");
    }

    @Test
    void saving_the_editor_unchanged_says_nothing_was_saved_and_records_no_edit() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Jonas Berg", "Founder", "Great work together",
                "", "jonas@example.com", true, false);
        Http http = Fixtures.signedIn(app, f);
        Map<String, String> same = new HashMap<>(Map.of("body", "Great work together", "excerpt", "", "name", "Jonas Berg",
                "role", "Founder", "company", "", "website", ""));

        Http.Response unchanged = http.post("/admin/testimonials/" + id + "/edit", same);
        assertThat(unchanged.status()).isEqualTo(303);
        Document after = http.get(unchanged.location()).html();
        assertThat(after.select(".flash").text()).isEqualTo("Nothing changed, so nothing was saved.");
        assertThat(after.select(".edit-row")).isEmpty();

        same.put("role", "CEO");
        Http.Response changed = http.post("/admin/testimonials/" + id + "/edit", same);
        Document saved = http.get(changed.location()).html();
        assertThat(saved.select(".flash").text()).startsWith("Changes saved.");
        assertThat(saved.select(".edit-row")).hasSize(1);
    }
}
