package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof from other places end to end: a file uploaded, previewed and imported, then approved; the wall, the single
 * page, the widget and the feed label it with its platform (never as verified) and date it as it was written there.
 */
class ImportedProofIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Uploads the file, then confirms the preview as the page offers it; returns the preview page. */
    static Document importFile(Http admin, String fileName, String type, String text) {
        Http.Response preview = admin.postMultipart("/admin/testimonials/import", Map.of(),
                Map.of("file", new Multipart.FilePart(fileName, type, text.getBytes(StandardCharsets.UTF_8))));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document d = preview.html();
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("csv", d.select("textarea[name=csv]").first().wholeText());
        d.select(".mapping select").forEach(s -> confirm.put(s.attr("name"), s.select("option[selected]").isEmpty() ? "-1"
                : s.select("option[selected]").val()));
        confirm.put("defaultPlatform", d.select("#f-defaultPlatform option[selected]").val());
        confirm.put("consentForAll", "1");
        confirm.put("step", "import");
        assertThat(admin.post("/admin/testimonials/import/preview", confirm).status()).isEqualTo(303);
        return d;
    }

    static Testimonial named(long ws, String name) {
        return Reviews.dao().all(ws).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static void approve(Http admin, long id) {
        assertThat(admin.post("/admin/testimonials/" + id + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
    }

    @Test
    void a_senja_export_imports_with_its_sources_and_the_public_pages_label_them_never_as_verified() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Document preview = importFile(admin, "senja.csv", "text/csv", ImportedProofTest.fixture("senja.csv"));
        assertThat(preview.select("#import-preset").text()).contains("Senja export");
        assertThat(preview.select("#map_name option[selected]").text()).isEqualTo("customer_name");
        assertThat(preview.select("tr.row-ok")).hasSize(3);
        assertThat(preview.select("tr.row-ok").text()).contains("Google").contains("LinkedIn").contains("5 Mar 2024");

        Testimonial ana = named(f.workspaceId(), "Ana Google");
        assertThat(ana.source()).isEqualTo(TestimonialSource.IMPORT);
        assertThat(ana.verified()).isFalse();
        assertThat(ana.originPlatform()).isEqualTo(Platform.GOOGLE);
        assertThat(ana.sourceUrl()).isEqualTo("https://g.page/r/abc123/review");
        assertThat(ana.originalDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ana.avatarUrl()).isEqualTo("https://lh3.googleusercontent.com/a/ana.png");
        assertThat(ana.photoFile()).as("the avatar is never fetched").isNull();
        assertThat(named(f.workspaceId(), "Cara Senja").originPlatform()).isEqualTo(Platform.SENJA);
        assertThat(admin.get("/admin/testimonials/" + ana.id()).html().select(".meta").text())
                .contains("First published").contains("Google, 5 Mar 2024").contains("https://g.page/r/abc123/review");
        approve(admin, ana.id());

        Document wall = app.http().get("/p/" + f.slug()).html();
        Element card = wall.select(".tcard").first();
        assertThat(card.select(".tsource a").text()).isEqualTo("From Google");
        assertThat(card.select(".tsource a").attr("href")).isEqualTo("https://g.page/r/abc123/review");
        assertThat(card.select(".tsource a").attr("rel")).contains("nofollow");
        assertThat(card.select(".badge").text()).doesNotContain("Verified");
        assertThat(wall.html()).doesNotContain("googleusercontent"); // the avatar link is the freelancer's only
        JsonNode ld = JSON.readTree(wall.select("script[type=application/ld+json]").first().data());
        assertThat(ld.get("review").get(0).get("datePublished").asText()).isEqualTo("2024-03-05");
        assertThat(ld.get("review").get(0).get("publisher").get("name").asText()).isEqualTo("Google");

        Document single = app.http().get("/p/" + f.slug() + "/t/" + ana.id()).html();
        assertThat(single.select(".tsource").text()).isEqualTo("From Google");
        assertThat(JSON.readTree(single.select("script[type=application/ld+json]").first().data()).get("datePublished").asText())
                .isEqualTo("2024-03-05");
        assertThat(app.http().get("/embed/" + f.slug()).html().select(".tcard .tsource").text()).isEqualTo("From Google");
        JsonNode item = JSON.readTree(app.http().get("/p/" + f.slug() + "/testimonials.json").body()).get("testimonials").get(0);
        assertThat(item.get("source").asText()).isEqualTo("google");
        assertThat(item.get("sourceUrl").asText()).isEqualTo("https://g.page/r/abc123/review");
        assertThat(item.get("date").asText()).isEqualTo("2024-03-05");
        assertThat(item.get("verified").asBoolean()).isFalse();
    }

    @Test
    void a_testimonial_to_export_imports_labelled_testimonial_to() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Document preview = importFile(admin, "export.csv", "text/csv", ImportedProofTest.fixture("testimonial_to.csv"));
        assertThat(preview.select("#import-preset").text()).contains("Testimonial.to export");
        Testimonial dora = named(f.workspaceId(), "Dora Tee");
        assertThat(dora.originPlatform()).isEqualTo(Platform.TESTIMONIAL_TO);
        assertThat(dora.originalDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(dora.role()).isEqualTo("Founder");
        assertThat(named(f.workspaceId(), "Emil Zwei").originPlatform()).isEqualTo(Platform.TESTIMONIAL_TO);
        approve(admin, dora.id());
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tcard .tsource").text()).isEqualTo("From Testimonial.to");
    }

    @Test
    void schema_org_json_ld_with_a_graph_imports_and_the_chosen_default_labels_rows_that_do_not_say() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        String graph = """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "Review", "author": {"name": "Gina Graph"}, "reviewRating": {"ratingValue": 5},
                   "reviewBody": "Reviewed on Clutch and copied here.", "datePublished": "2023-09-14",
                   "url": "https://clutch.co/profile/studio#review-1"},
                  {"@type": "Review", "author": "Hugo Mail", "reviewRating": {"ratingValue": 4},
                   "reviewBody": "Sent to me by email, no link."}]}""";
        Http.Response preview = admin.postMultipart("/admin/testimonials/import", Map.of(),
                Map.of("file", new Multipart.FilePart("reviews.json", "application/ld+json", graph.getBytes(StandardCharsets.UTF_8))));
        Document d = preview.html();
        assertThat(d.select("tr.row-ok")).hasSize(2);
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("csv", d.select("textarea[name=csv]").first().wholeText());
        d.select(".mapping select").forEach(s -> confirm.put(s.attr("name"), s.select("option[selected]").val()));
        confirm.put("defaultPlatform", "email");
        confirm.put("step", "import");
        assertThat(admin.post("/admin/testimonials/import/preview", confirm).status()).isEqualTo(303);
        Testimonial gina = named(f.workspaceId(), "Gina Graph");
        assertThat(gina.originPlatform()).isEqualTo(Platform.CLUTCH);
        assertThat(gina.originalDate()).isEqualTo(LocalDate.of(2023, 9, 14));
        assertThat(gina.consentPublish()).isFalse(); // JSON-LD says nothing about consent, and none was given for all
        assertThat(named(f.workspaceId(), "Hugo Mail").originPlatform()).isEqualTo(Platform.EMAIL);
    }

    @Test
    void goodwords_own_json_export_reimported_elsewhere_gives_the_same_testimonials_unverified() throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Http adminA = Fixtures.signedIn(app, a);
        importFile(adminA, "senja.csv", "text/csv", ImportedProofTest.fixture("senja.csv"));
        long verified = Reviews.dao().insert(a.workspaceId(), null, "approved", "link", true, 5,
                "Given through my personal link, verified here.", TestimonialService.bodyHash("Given through my personal link, verified here."),
                "Vera Link", "", "", "", null, null, true, false, false, null, null, java.time.Instant.now());
        String export = adminA.get("/admin/testimonials/export.json").body();

        Fixtures.Freelancer b = Fixtures.freelancer();
        Http adminB = Fixtures.signedIn(app, b);
        Document preview = importFile(adminB, "testimonials.json", "application/json", export);
        assertThat(preview.select("tr.row-ok")).hasSize(4);
        List<Testimonial> before = Reviews.dao().all(a.workspaceId());
        List<Testimonial> after = Reviews.dao().all(b.workspaceId());
        assertThat(after).hasSize(4);
        for (Testimonial t : before) {
            Testimonial copy = named(b.workspaceId(), t.name());
            assertThat(copy.body()).isEqualTo(t.body());
            assertThat(copy.rating()).isEqualTo(t.rating());
            assertThat(copy.role()).isEqualTo(t.role());
            assertThat(copy.company()).isEqualTo(t.company());
            assertThat(copy.email()).isEqualTo(t.email());
            assertThat(copy.sourceUrl()).isEqualTo(t.sourceUrl());
            assertThat(copy.avatarUrl()).isEqualTo(t.avatarUrl());
            assertThat(Reviews.dao().tagsOf(b.workspaceId(), copy.id())).isEqualTo(Reviews.dao().tagsOf(a.workspaceId(), t.id()));
            assertThat(copy.verified()).as("an import never proves who wrote it").isFalse();
            assertThat(copy.status()).isEqualTo(TestimonialStatus.PENDING);
            if (t.originPlatform() != null) {
                assertThat(copy.originPlatform()).isEqualTo(t.originPlatform());
                assertThat(copy.originalDate()).isEqualTo(t.originalDate());
            }
        }
        Testimonial vera = named(b.workspaceId(), "Vera Link");
        assertThat(vera.originalDate()).as("collected in A: the day it reached A")
                .isEqualTo(LocalDate.ofInstant(Reviews.dao().findById(a.workspaceId(), verified).orElseThrow().createdAt(), java.time.ZoneOffset.UTC));
        assertThat(vera.originPlatform()).isEqualTo(Platform.OTHER);
    }

    /** In A: Ada verified for a project whose title looks like a formula, with every consent; Bob withdrawn. */
    private static void consentedAndWithdrawn(long ws) {
        long ada = Reviews.insert(ws, TestimonialStatus.APPROVED, true, "Ada Consents", "Ada allowed all of it but the company.");
        long bob = Reviews.insert(ws, TestimonialStatus.APPROVED, true, "Bob Withdrawn", "Bob took these words back later on.");
        io.goodword.support.TestDb.jdbi().useTransaction(h -> {
            long client = h.attach(io.goodword.client.ClientDao.class).insert(ws, "Ada Consents",
                    Fixtures.unique("ada") + "@client.example", "", "", "", "", "en");
            long project = h.attach(io.goodword.client.ProjectDao.class).insert(ws, client, "=Launch site", null, "EUR",
                    null, null, "completed", null);
            ConsentDao consents = h.attach(ConsentDao.class);
            consents.setConsents(ws, ada, new Consents(true, NameDisplay.INITIAL, true, false, true, true), "initial");
            h.execute("UPDATE testimonials SET client_id = ?, project_id = ?, verified = TRUE, verified_at = '2026-03-14 09:30:00'"
                    + " WHERE id = ?", client, project, ada);
            consents.setConsents(ws, bob, new Consents(true, NameDisplay.ANONYMOUS, false, true, true, false).withdrawn(), "anonymous");
            consents.setWithdrawn(ws, bob, java.time.Instant.parse("2026-11-20T18:00:00Z"));
        });
    }

    @Test
    void the_admins_exports_carry_consents_withdrawal_and_verification_and_reimport_keeps_them_as_the_files_word()
            throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        consentedAndWithdrawn(a.workspaceId());
        Http adminA = Fixtures.signedIn(app, a);
        String csv = adminA.get("/admin/testimonials/export.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("verified_project", "verified_month", "name_display",
                "consent_case_study", "consent_reference", "withdrawn_at", "platform", "source_url", "original_date");
        assertThat(csv).contains(",'=Launch site,2026-03,").doesNotContain(",=Launch");
        JsonNode json = JSON.readTree(adminA.get("/admin/testimonials/export.json").body());
        JsonNode ada = json.get(0);
        assertThat(ada.get("verified_project").asText()).isEqualTo("=Launch site");
        assertThat(ada.get("verified_at").asText()).isEqualTo("2026-03-14T09:30:00Z");
        assertThat(ada.get("consent_case_study").asBoolean()).isTrue();
        assertThat(json.get(1).get("withdrawn_at").asText()).isEqualTo("2026-11-20T18:00:00Z");

        for (String file : List.of(json.toString(), csv)) {
            Fixtures.Freelancer b = Fixtures.freelancer();
            Http adminB = Fixtures.signedIn(app, b);
            importFile(adminB, file.startsWith("[") ? "testimonials.json" : "testimonials.csv",
                    file.startsWith("[") ? "application/json" : "text/csv", file); // with "consent for all" ticked
            Testimonial adaB = named(b.workspaceId(), "Ada Consents");
            assertThat(Consents.of(adaB)).isEqualTo(new Consents(true, NameDisplay.INITIAL, true, false, true, true));
            assertThat(adaB.verified()).as("an import never proves who wrote it").isFalse();
            assertThat(adaB.verifiedAt()).isNull();
            assertThat(adaB.projectId()).isNull();
            Testimonial bobB = named(b.workspaceId(), "Bob Withdrawn");
            assertThat(bobB.withdrawnAt()).isEqualTo(java.time.Instant.parse("2026-11-20T18:00:00Z"));
            assertThat(Consents.of(bobB)).as("withdrawn wins over 'consent for all'")
                    .isEqualTo(new Consents(false, NameDisplay.ANONYMOUS, false, false, false, false));
            ConsentDao ledger = io.goodword.support.TestDb.jdbi().onDemand(ConsentDao.class);
            for (Testimonial t : List.of(adaB, bobB)) {
                assertThat(ledger.ledger(b.workspaceId(), t.id())).hasSize(6)
                        .allMatch(r -> r.channel().equals("import") && !r.unverified());
            }
            approve(adminB, adaB.id());
            approve(adminB, bobB.id());
            Document wall = app.http().get("/p/" + b.slug()).html();
            assertThat(wall.text()).contains("Ada C.").doesNotContain("Bob").doesNotContain("Verified client");
            assertThat(adminB.get("/admin/testimonials?status=withdrawn").html().select(".queue-item strong").eachText())
                    .containsExactly("Bob Withdrawn");
        }
    }

    @Test
    void hostile_json_is_answered_on_the_import_page_with_its_reason_never_a_500() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> cases = Map.of(
                "[".repeat(200_000), "nested too deeply",
                "{\"@type\": \"Review\", \"author\": ", "could not be read as JSON",
                "{\"hello\": \"world\"}", "No review found");
        cases.forEach((json, message) -> {
            Http.Response r = admin.postMultipart("/admin/testimonials/import", Map.of(),
                    Map.of("file", new Multipart.FilePart("x.json", "application/json", json.getBytes(StandardCharsets.UTF_8))));
            assertThat(r.status()).as(message).isEqualTo(422);
            assertThat(r.html().select("#f-file-error").text()).contains(message);
            Http.Response again = admin.post("/admin/testimonials/import/preview", Map.of("csv", json, "step", "import"));
            assertThat(again.status()).as(message).isEqualTo(422);
        });
        assertThat(Reviews.dao().all(f.workspaceId())).isEmpty();
    }

    @Test
    void the_paste_form_refuses_bad_input_keeping_what_was_typed_and_saves_a_good_review() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> form = new LinkedHashMap<>(Map.of("body", "Pasted words from Upwork.", "name", "Ulla Upwork",
                "rating", "5", "date", "last spring", "link", "https://www.upwork.com/freelancers/~01/reviews", "platform", ""));
        Http.Response bad = admin.post("/admin/testimonials/paste", form);
        assertThat(bad.status()).isEqualTo(422);
        Document d = bad.html();
        assertThat(d.select("#f-date-error").text()).isEqualTo("not a date we can read");
        assertThat(d.select("#f-body").text()).isEqualTo("Pasted words from Upwork.");
        assertThat(d.select("#f-date").val()).isEqualTo("last spring");
        assertThat(Reviews.dao().all(f.workspaceId())).isEmpty();

        form.put("date", "Jun 3, 2024");
        Http.Response ok = admin.post("/admin/testimonials/paste", form);
        assertThat(ok.status()).isEqualTo(303);
        Testimonial t = named(f.workspaceId(), "Ulla Upwork");
        assertThat(t.originPlatform()).isEqualTo(Platform.UPWORK);
        assertThat(t.originalDate()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(t.source()).isEqualTo(TestimonialSource.IMPORT);
        assertThat(t.verified()).isFalse();
        Http.Response again = admin.post("/admin/testimonials/paste", form);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.html().select("#f-body-error").text()).isNotBlank();
        assertThat(Reviews.dao().all(f.workspaceId())).hasSize(1);
    }
}
