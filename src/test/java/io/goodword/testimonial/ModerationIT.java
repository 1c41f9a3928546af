package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Multipart;
import io.goodword.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModerationIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    @Test
    void another_workspace_can_never_see_or_change_a_testimonial_ids_give_404() {
        Fixtures.Freelancer owner = Fixtures.freelancer();
        Fixtures.Freelancer intruder = Fixtures.freelancer();
        long id = Reviews.insert(owner.workspaceId(), TestimonialStatus.PENDING, true, "Owned Person", "Belongs to the owner only, truly.");
        Http other = Fixtures.signedIn(app, intruder);
        assertThat(other.get("/admin/testimonials/" + id).status()).isEqualTo(404);
        for (String action : List.of("status", "edit", "restore-original", "tags", "reply")) {
            Map<String, String> form = new HashMap<>(Map.of("action", "approve", "body", "Hacked words that are long enough.",
                    "name", "Hacker", "tags", "pwned", "reply", "pwned", "excerpt", "", "role", "", "company", "", "website", ""));
            assertThat(other.post("/admin/testimonials/" + id + "/" + action, form).status()).as(action).isEqualTo(404);
        }
        assertThat(other.post("/admin/testimonials/bulk", Map.of("ids", String.valueOf(id), "action", "approve")).status()).isEqualTo(303);
        assertThat(other.get("/admin/testimonials?status=all").body()).doesNotContain("Owned Person");
        assertThat(other.get("/admin/testimonials/export.csv").body()).doesNotContain("Owned Person");
        assertThat(other.get("/admin/testimonials/export.json").body()).doesNotContain("Owned Person");
        Testimonial t = Reviews.dao().findById(owner.workspaceId(), id).orElseThrow();
        assertThat(t.status()).isEqualTo(TestimonialStatus.PENDING);
        assertThat(t.body()).isEqualTo("Belongs to the owner only, truly.");
        assertThat(Reviews.dao().tagsOf(owner.workspaceId(), id)).isEmpty();
        assertThat(t.reply()).isNull();
        assertThat(app.http().get("/admin/testimonials/" + id).status()).isEqualTo(302); // signed out: to the login
    }

    @Test
    void queue_filters_and_counts_by_status_rating_tag_source_verified_and_text() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long a = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Alpha Person", "Alpha talks about logos and branding.");
        long b = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Beta Person", "Beta talks about the website build.");
        Reviews.insert(f.workspaceId(), TestimonialStatus.REJECTED, true, "Gamma Person", "Gamma was not happy with anything.");
        Reviews.dao().addTags(f.workspaceId(), b, List.of("web"));
        Http admin = Fixtures.signedIn(app, f);
        Document pending = admin.get("/admin/testimonials").html();
        assertThat(pending.select(".queue-item")).hasSize(1);
        assertThat(pending.select(".status-tabs a[aria-current=page]").text()).isEqualTo("Pending 1");
        assertThat(pending.select(".status-tabs").text()).contains("Approved 1").contains("Rejected 1").contains("All 3");
        assertThat(admin.get("/admin/testimonials?status=all&tag=web").html().select(".queue-item .tname, .queue-item strong").text()).contains("Beta Person").doesNotContain("Alpha");
        assertThat(admin.get("/admin/testimonials?status=all&q=logos").body()).contains("Alpha Person").doesNotContain("Beta Person");
        assertThat(admin.get("/admin/testimonials?status=all&q=%25").html().select(".queue-item")).isEmpty();
        assertThat(admin.get("/admin/testimonials?status=all&source=manual").html().select(".queue-item")).isEmpty();
        assertThat(admin.get("/admin/testimonials?status=all&verified=no&rating=5").html().select(".queue-item")).hasSize(3);
        assertThat(admin.get("/admin/testimonials?status=all&rating=3").html().select(".queue-item")).isEmpty();
        assertThat(a).isPositive();
    }

    @Test
    void the_withdrawn_tab_lists_what_authors_took_back_whatever_its_status_with_its_count_in_english_and_german() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long kept = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Kept Person", "Still happy to be quoted, truly.");
        long approved = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, false, "Wanda Withdrawn", "Taken back after being published.");
        long pending = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, false, "Paul Pulled", "Taken back before it was approved.");
        ConsentDao consents = TestDb.jdbi().onDemand(ConsentDao.class);
        consents.setWithdrawn(f.workspaceId(), approved, java.time.Instant.now());
        consents.setWithdrawn(f.workspaceId(), pending, java.time.Instant.now());
        Http admin = Fixtures.signedIn(app, f);
        Document queue = admin.get("/admin/testimonials").html();
        assertThat(queue.select(".status-tabs a").eachText()).contains("Withdrawn 2").contains("All 3");
        Document tab = admin.get("/admin/testimonials?status=withdrawn").html();
        assertThat(tab.select(".status-tabs a[aria-current=page]").text()).isEqualTo("Withdrawn 2");
        assertThat(tab.select(".queue-item strong").eachText()).containsExactlyInAnyOrder("Wanda Withdrawn", "Paul Pulled");
        assertThat(tab.select("p.muted").text()).contains("2 found");
        assertThat(tab.select(".queue-item .badge.warn").eachText()).contains("Withdrawn");
        assertThat(tab.select("a[href*=page=]")).allMatch(a -> a.attr("href").contains("status=withdrawn"));
        // the other filters narrow the tab as they narrow every tab
        assertThat(admin.get("/admin/testimonials?status=withdrawn&q=published").html().select(".queue-item strong").eachText())
                .containsExactly("Wanda Withdrawn");
        assertThat(admin.get("/admin/testimonials?status=all").html().select(".queue-item")).hasSize(3);
        Document de = admin.get("/admin/testimonials?status=withdrawn&lang=de").html();
        assertThat(de.select(".status-tabs a[aria-current=page]").text()).isEqualTo("Zurückgezogen 2");
        assertThat(kept).isPositive();
    }

    @Test
    void the_detail_lists_only_the_optional_fields_the_client_filled_in() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Filled Person", "Every optional field was filled in here.");
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.get("/admin/testimonials/" + id).html().select(".meta dt").eachText())
                .contains("Client's role", "Company", "Website", "Email", "Received");
        assertThat(admin.post("/admin/testimonials/" + id + "/edit", new HashMap<>(Map.of("body", "Every optional field was filled in here.",
                "excerpt", "", "name", "Filled Person", "role", "", "company", " ", "website", ""))).status()).isEqualTo(303);
        Document detail = admin.get("/admin/testimonials/" + id).html();
        assertThat(detail.select(".meta dt").eachText()).contains("Email", "Received").doesNotContain("Client's role", "Company", "Website");
        assertThat(detail.select(".meta dt").size()).isEqualTo(detail.select(".meta dd").size());
        // the permissions in the freelancer's words, not the client's "My full name" from the consent form
        assertThat(detail.select(".meta dt:contains(Permissions) + dd").text()).contains("full name shown").doesNotContain("My full name");
    }

    @Test
    void edits_of_the_clients_words_are_recorded_and_the_original_is_recoverable() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Orig Person", "The original words of the client, exactly.");
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> edit = new LinkedHashMap<>(Map.of("body", "Tidied words of the client.", "excerpt", "Tidied words",
                "name", "Orig Person", "role", "CTO", "company", "Company of Orig Person", "website", "https://origperson.example"));
        assertThat(admin.post("/admin/testimonials/" + id + "/edit", edit).status()).isEqualTo(303);
        List<TestimonialEdit> history = Reviews.dao().editsOf(f.workspaceId(), id);
        assertThat(history).extracting(TestimonialEdit::field).containsExactlyInAnyOrder("body", "excerpt");
        TestimonialEdit body = history.stream().filter(e -> e.field().equals("body")).findFirst().orElseThrow();
        assertThat(body.beforeText()).isEqualTo("The original words of the client, exactly.");
        assertThat(body.afterText()).isEqualTo("Tidied words of the client.");
        assertThat(body.editor()).isEqualTo(f.displayName());
        Document page = admin.get("/admin/testimonials/" + id).html();
        assertThat(page.select(".ttext.original").text()).isEqualTo("The original words of the client, exactly.");
        assertThat(page.select(".edit-row")).hasSize(2);
        // the excerpt is what the public sees, the full text is kept
        assertThat(app.http().get("/p/" + f.slug()).html().select(".ttext").text()).isEqualTo("Tidied words");

        edit.put("name", "");
        Http.Response bad = admin.post("/admin/testimonials/" + id + "/edit", edit);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select("#f-name-error").text()).isEqualTo("Please fill this in.");
        assertThat(bad.html().select("textarea[name=body]").text()).isEqualTo("Tidied words of the client.");

        assertThat(admin.post("/admin/testimonials/" + id + "/restore-original", Map.of()).status()).isEqualTo(303);
        assertThat(Reviews.dao().findById(f.workspaceId(), id).orElseThrow().body()).isEqualTo("The original words of the client, exactly.");
        assertThat(Reviews.dao().editsOf(f.workspaceId(), id)).hasSize(3);
    }

    @Test
    void tags_reply_feature_and_bulk_actions_work_and_show_publicly() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long one = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Bulk One", "First of the bulk, long enough.");
        long two = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Bulk Two", "Second of the bulk, long enough.");
        Http admin = Fixtures.signedIn(app, f);
        Http.Response bulk = admin.send(java.net.http.HttpRequest.newBuilder(admin.uri("/admin/testimonials/bulk"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + admin.csrfToken() + "&action=approve&ids=" + one + "&ids=" + two)));
        assertThat(bulk.status()).isEqualTo(303);
        assertThat(Reviews.dao().findById(f.workspaceId(), one).orElseThrow().status()).isEqualTo(TestimonialStatus.APPROVED);
        assertThat(Reviews.dao().findById(f.workspaceId(), two).orElseThrow().status()).isEqualTo(TestimonialStatus.APPROVED);
        assertThat(admin.post("/admin/testimonials/" + two + "/status", Map.of("action", "feature")).status()).isEqualTo(303);
        assertThat(admin.post("/admin/testimonials/" + two + "/tags", Map.of("tags", "Design, Web design, design")).status()).isEqualTo(303);
        assertThat(Reviews.dao().tagsOf(f.workspaceId(), two)).containsExactly("design", "web-design");
        assertThat(admin.post("/admin/testimonials/" + two + "/reply", Map.of("reply", "Thank you so much!")).status()).isEqualTo(303);
        Http.Response tooLong = admin.post("/admin/testimonials/" + two + "/reply", Map.of("reply", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.html().select("#f-reply-error").text()).contains("1,000 characters");
        Document wall = app.http().get("/p/" + f.slug()).html();
        assertThat(wall.select(".tcard").first().select(".tname").text()).isEqualTo("Bulk Two");
        assertThat(wall.select(".tcard.featured .treply").text()).contains("Thank you so much!");
        assertThat(wall.select(".wall-tags a").eachText()).contains("design", "web-design");
        Http.Response archived = admin.post("/admin/testimonials/" + one + "/status", Map.of("action", "archive"));
        assertThat(archived.status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + f.slug()).body()).doesNotContain("Bulk One");
        assertThat(admin.post("/admin/testimonials/" + one + "/status", Map.of("action", "restore")).status()).isEqualTo(303);
        assertThat(Reviews.dao().findById(f.workspaceId(), one).orElseThrow().status()).isEqualTo(TestimonialStatus.PENDING);
    }

    @Test
    void a_testimonial_added_by_hand_is_marked_manual_and_bad_input_is_kept() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> form = new LinkedHashMap<>(Map.of("rating", "4", "body", "Sent me a lovely email about the launch.",
                "name", "", "consentPublish", "1"));
        Http.Response bad = admin.postMultipart("/admin/testimonials/new", form, Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select("textarea[name=body]").text()).isEqualTo("Sent me a lovely email about the launch.");
        form.put("name", "Email Person");
        form.put("approveNow", "1");
        Http.Response ok = admin.postMultipart("/admin/testimonials/new", form, Map.of());
        assertThat(ok.status()).isEqualTo(303);
        Testimonial t = Reviews.dao().all(f.workspaceId()).get(0);
        assertThat(t.source()).isEqualTo(TestimonialSource.MANUAL);
        assertThat(t.status()).isEqualTo(TestimonialStatus.APPROVED);
        assertThat(admin.get(ok.location()).body()).contains("Added by hand");
        assertThat(app.http().get("/p/" + f.slug()).body()).contains("Email Person");
    }

    @Test
    void csv_import_previews_maps_lists_row_errors_and_duplicates_and_saves_only_on_confirm() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Already Here", "We already have these exact words.");
        Http admin = Fixtures.signedIn(app, f);
        String csv = """
                Author,Review,Stars,Company,Tags
                Good Row,"Great work, would hire again.",5,Good Co,"design, web"
                No Name,,4,,
                Bad Stars,Fine words but a bad rating.,seven,,
                Dupe Row,We already have these exact words.,5,,
                """;
        Http.Response preview = admin.postMultipart("/admin/testimonials/import", Map.of(),
                Map.of("file", new Multipart.FilePart("t.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(preview.status()).isEqualTo(200);
        Document d = preview.html();
        assertThat(d.select("#map_name option[selected]").text()).isEqualTo("Author");
        assertThat(d.select("#map_body option[selected]").text()).isEqualTo("Review");
        assertThat(d.select("#map_rating option[selected]").text()).isEqualTo("Stars");
        assertThat(d.select("tr.row-ok")).hasSize(1);
        assertThat(d.select("tr.row-bad")).hasSize(3);
        assertThat(d.text()).contains("4 rows: 1 ready to import, 1 duplicate, 2 with errors.");
        assertThat(d.select("tr.row-bad").text()).contains("Text: Please fill this in.").contains("Rating: not a rating from 1 to 5")
                .contains("Duplicate: already there");
        assertThat(Reviews.dao().all(f.workspaceId())).hasSize(1); // nothing imported yet

        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("csv", d.select("textarea[name=csv]").text().isEmpty() ? csv : d.select("textarea[name=csv]").first().wholeText());
        d.select(".mapping select").forEach(s -> confirm.put(s.attr("name"), s.select("option[selected]").isEmpty() ? "-1" : s.select("option[selected]").val()));
        confirm.put("consentForAll", "1");
        confirm.put("step", "import");
        Http.Response done = admin.post("/admin/testimonials/import/preview", confirm);
        assertThat(done.status()).isEqualTo(303);
        List<Testimonial> all = Reviews.dao().all(f.workspaceId());
        assertThat(all).hasSize(2);
        Testimonial imported = all.get(1);
        assertThat(imported.name()).isEqualTo("Good Row");
        assertThat(imported.source()).isEqualTo(TestimonialSource.IMPORT);
        assertThat(imported.status()).isEqualTo(TestimonialStatus.PENDING);
        assertThat(imported.consentPublish()).isTrue();
        assertThat(Reviews.dao().tagsOf(f.workspaceId(), imported.id())).containsExactly("design", "web");

        // unmapped required column: 422 with the message next to the select, nothing saved
        confirm.put("map_name", "-1");
        Http.Response unmapped = admin.post("/admin/testimonials/import/preview", confirm);
        assertThat(unmapped.status()).isEqualTo(422);
        assertThat(unmapped.html().select("#map_name-error").text()).contains("Please choose the column");
        assertThat(Reviews.dao().all(f.workspaceId())).hasSize(2);

        Http.Response garbage = admin.postMultipart("/admin/testimonials/import", Map.of("csv", ""), Map.of());
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.html().select("#f-file-error").text()).contains("could not be read as CSV");
    }

    @Test
    void export_gives_every_testimonial_as_csv_and_json_with_formulas_neutralised() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "=HYPERLINK(\"x\")", "Exported words, pending but exported.");
        Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, false, "Second Export", "Approved words, exported as well.");
        Http admin = Fixtures.signedIn(app, f);
        Http.Response csv = admin.get("/admin/testimonials/export.csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        assertThat(csv.body()).startsWith("id,status,source").contains("'=HYPERLINK").contains("Second Export")
                .contains("secondexport@client.example");
        JsonNode json = new ObjectMapper().readTree(admin.get("/admin/testimonials/export.json").body());
        assertThat(json).hasSize(2);
        assertThat(json.get(1).get("name").asText()).isEqualTo("Second Export");
        assertThat(json.get(1).get("consent_publish").asBoolean()).isFalse();
    }

    @Test
    void an_imported_tag_that_looks_like_a_formula_is_neutralised_in_the_csv_export() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long id = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Tagged Person", "Words with a hostile tag on them.");
        Reviews.dao().addTags(f.workspaceId(), id, java.util.List.of("=cmd|' /c calc'!A1")); // as an import may store it
        String csv = Fixtures.signedIn(app, f).get("/admin/testimonials/export.csv").body();
        assertThat(csv).contains("'=cmd|").doesNotContain(",=cmd|").doesNotContain("\"=cmd|");
    }

    @Test
    void a_stored_rating_outside_one_to_five_never_breaks_the_wall_or_the_admin() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long high = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Seven Stars", "Imported with a rating of seven.");
        long low = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Minus One", "Imported with a rating below one.");
        TestDb.jdbi().useHandle(h -> {
            h.execute("UPDATE testimonials SET rating = 7 WHERE id = ?", high);
            h.execute("UPDATE testimonials SET rating = -1 WHERE id = ?", low);
        });
        Http.Response wall = app.http().get("/p/" + f.slug());
        assertThat(wall.status()).isEqualTo(200);
        assertThat(wall.body()).contains("★★★★★").doesNotContain("★★★★★★"); // below 1 is filtered out by the wall query
        assertThat(app.http().get("/p/" + f.slug() + "/t/" + high).status()).isEqualTo(200);
        assertThat(app.http().get("/p/" + f.slug() + "/testimonials.json").body()).contains("\"rating\":5").doesNotContain("\"rating\":7");
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.get("/admin/testimonials?status=approved").status()).isEqualTo(200);
        assertThat(admin.get("/admin/testimonials/" + low).status()).isEqualTo(200);
    }

    @Test
    void the_widget_page_shows_a_snippet_and_a_live_preview_of_the_chosen_options() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Document d = admin.get("/admin/testimonials/embed?layout=grid&theme=dark&limit=3&minRating=4").html();
        String snippet = d.select("#snippet").text();
        assertThat(snippet).contains(app.url("/embed/" + f.slug() + ".js")).contains("data-layout=\"grid\"")
                .contains("data-theme=\"dark\"").contains("data-limit=\"3\"").contains("data-min-rating=\"4\"");
        assertThat(d.select("iframe.embed-preview").attr("src")).isEqualTo("/embed/" + f.slug() + "?layout=grid&theme=dark&limit=3&minRating=4");
        assertThat(d.select("#e-layout option[selected]").val()).isEqualTo("grid");
        org.jsoup.nodes.Document collect = admin.get("/admin/testimonials/collect").html();
        assertThat(collect.select("#review-link").attr("value")).isEqualTo(app.url("/p/" + f.slug() + "/review"));
        assertThat(collect.select(".card a").attr("href")).isEqualTo(app.url("/p/" + f.slug() + "/review"));
        Http.Response longPrompt = admin.post("/admin/testimonials/collect", Map.of("prompt", "?".repeat(1001)));
        assertThat(longPrompt.status()).isEqualTo(422);
        assertThat(longPrompt.html().select("textarea[name=prompt]").text()).hasSize(1001);
    }
}
