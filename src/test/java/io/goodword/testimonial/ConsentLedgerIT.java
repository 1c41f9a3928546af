package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.security.Tokens;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Mails;
import io.goodword.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consent on record and the author in control (issue 13): the ledger of every consent, public pages that show exactly
 * what the current consents allow, the author's private link after publication (withdraw, change consents, new
 * words both ways), and verification tied to the engagement or confirmed by the client.
 */
class ConsentLedgerIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail().env(Map.of("TRUST_PROXY", "true"));

    static ConsentDao consents() { return TestDb.jdbi().onDemand(ConsentDao.class); }

    static Testimonial only(long ws) { return Reviews.dao().all(ws).get(0); }

    /** The form of the public page, with the given email, consents as in {@link Reviews#valid} plus these. */
    static Testimonial submitted(Fixtures.Freelancer f, String name, String email, Map<String, String> extra) {
        Map<String, String> form = Reviews.valid(name);
        form.put("email", email);
        form.putAll(extra);
        assertThat(Reviews.post(app.http(), f.slug(), form, Reviews.newIp()).status()).isEqualTo(303);
        return only(f.workspaceId());
    }

    /** The author's link: approved through the admin, then the path of the "published" email's link. */
    static String approvedAndLink(Fixtures.Freelancer f, Http admin, Testimonial t, String email) {
        assertThat(admin.post("/admin/testimonials/" + t.id() + "/status", Map.of("action", "approve")).status()).isEqualTo(303);
        var mail = app.mails().await(email, 1, m -> Mails.subject(m).contains("is published")).get(0);
        assertThat(Mails.text(mail)).contains("withdraw")
                .contains("This is its page, if you would like to share it: " + app.url("/p/" + f.slug() + "/t/" + t.id()));
        return Mails.link(mail, app.url("/testimonial/edit/")).substring(app.baseUrl().length());
    }

    static Map<String, String> allConsents() {
        return new HashMap<>(Map.of("consentPublish", "1", "nameDisplay", "full", "consentShowPhoto", "1",
                "consentShowCompany", "1", "consentCaseStudy", "1", "consentReference", "1"));
    }

    @Test
    void every_consent_given_on_the_form_is_recorded_with_wording_time_and_channel_and_the_wall_shows_only_that() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Instant before = Instant.now().minusSeconds(1);
        Testimonial t = submitted(f, "Ada Lovelace", Fixtures.unique("ada") + "@client.example",
                Map.of("nameDisplay", "initial", "consentCaseStudy", "1", "company", "Engines Ltd"));
        List<ConsentRecord> ledger = consents().ledger(f.workspaceId(), t.id());
        assertThat(ledger).extracting(ConsentRecord::kind)
                .containsExactlyInAnyOrder("publish", "name", "photo", "company", "case_study", "reference");
        assertThat(ledger).allMatch(c -> c.channel().equals("form") && c.wordingVersion().equals(Consents.WORDING)
                && !c.createdAt().isBefore(before) && c.givenBy().equals("Ada Lovelace"));
        assertThat(ledger).filteredOn(c -> c.kind().equals("reference")).singleElement().matches(c -> !c.granted());
        assertThat(ledger).filteredOn(c -> c.kind().equals("name")).singleElement().matches(c -> "initial".equals(c.choice()));
        String ip = TestDb.jdbi().withHandle(h -> h.createQuery("SELECT MIN(ip) FROM testimonial_consents WHERE testimonial_id = :id")
                .bind("id", t.id()).mapTo(String.class).one());
        assertThat(ip).startsWith("10.");

        Http admin = Fixtures.signedIn(app, f);
        admin.post("/admin/testimonials/" + t.id() + "/status", Map.of("action", "approve"));
        Document wall = app.http().get("/p/" + f.slug()).html();
        assertThat(wall.select(".tname").text()).isEqualTo("Ada L.");
        assertThat(wall.select(".tauthor").text()).doesNotContain("Lovelace").contains("Engines Ltd");
        // the admin page shows the ledger
        Document detail = admin.get("/admin/testimonials/" + t.id()).html();
        assertThat(detail.select("#consent-ledger .consent-row")).hasSize(6);
        assertThat(detail.select("#consent-ledger .consent-case_study").text()).contains("Quoted in case studies").contains("Given")
                .contains("Public form").contains(Consents.WORDING);
    }

    @Test
    void after_publication_the_authors_link_changes_consents_and_withdrawal_empties_every_public_surface_at_once() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String email = Fixtures.unique("bea") + "@client.example";
        Testimonial t = submitted(f, "Bea Author", email, Map.of("consentCaseStudy", "1", "company", "Beacon Works"));
        Http admin = Fixtures.signedIn(app, f);
        String link = approvedAndLink(f, admin, t, email);
        String study = publishedCaseStudy(f, admin, t.id());
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tauthor").text()).contains("Bea Author").contains("Beacon Works");
        assertThat(app.http().get(study).body()).contains("Working with them was a delight");

        Http author = app.http();
        Document page = author.get(link).html();
        assertThat(page.select("#author-status").text()).contains("is published");
        assertThat(page.select("#f-consentCaseStudy").hasAttr("checked")).isTrue();
        // anonymous, company private, no case studies: the wall, widget and case study follow at once
        Map<String, String> changed = new HashMap<>(Map.of("consentPublish", "1", "nameDisplay", "anonymous",
                "consentShowPhoto", "1"));
        changed.put("_csrf", author.csrfToken());
        assertThat(author.post(link + "/consents", changed).status()).isEqualTo(303);
        String wall = app.http().get("/p/" + f.slug()).html().select(".tauthor").text();
        assertThat(wall).doesNotContain("Bea Author").doesNotContain("Beacon Works").contains("Anonymous");
        assertThat(app.http().get("/embed/" + f.slug()).html().select(".tauthor").text()).doesNotContain("Bea Author").contains("Anonymous");
        assertThat(app.http().get(study).body()).doesNotContain("Working with them was a delight");
        assertThat(consents().ledger(f.workspaceId(), t.id())).filteredOn(c -> c.channel().equals("link"))
                .extracting(ConsentRecord::kind).containsExactlyInAnyOrder("name", "company", "case_study");

        assertThat(author.post(link + "/withdraw", Map.of("_csrf", author.csrfToken())).status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tcard")).isEmpty();
        assertThat(app.http().get("/p/" + f.slug() + "/testimonials.json").body()).doesNotContain("Working with them");
        assertThat(app.http().get("/embed/" + f.slug()).html().select(".tcard")).isEmpty();
        assertThat(app.http().get("/p/" + f.slug() + "/t/" + t.id()).status()).isEqualTo(404);
        Testimonial after = Reviews.dao().findById(f.workspaceId(), t.id()).orElseThrow();
        assertThat(after.withdrawn()).isTrue();
        assertThat(after.isPublic()).isFalse();
        // the link still works: it says so, and the freelancer sees it on the admin page
        assertThat(author.get(link).html().select("#author-status").text()).contains("You withdrew it");
        assertThat(admin.get("/admin/testimonials/" + t.id()).html().select("#withdrawn-info").text()).contains("withdrew");
        assertThat(app.mails().await(f.email(), 1, m -> Mails.subject(m).contains("withdrew")).get(0)).isNotNull();
    }

    @Test
    void the_freelancers_edit_of_the_words_waits_for_the_authors_approval_and_history_shows_both_sides() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String email = Fixtures.unique("cy") + "@client.example";
        Testimonial t = submitted(f, "Cy Writer", email, Map.of());
        Http admin = Fixtures.signedIn(app, f);
        String link = approvedAndLink(f, admin, t, email);
        Map<String, String> edit = new HashMap<>(Map.of("body", "Tidied: a delight to work with, fast and clear.",
                "excerpt", "", "name", "Cy Writer", "role", "Founder", "company", "Acme Cy Writer", "website", "https://acme.example"));
        Http.Response r = admin.post("/admin/testimonials/" + t.id() + "/edit", edit);
        assertThat(admin.get(r.location()).html().select("#awaiting-author").text()).contains("waits for the author");
        // until the author approves, the approved words stay public
        assertThat(app.http().get("/p/" + f.slug()).body()).contains("Working with them was a delight").doesNotContain("Tidied:");
        var mail = app.mails().await(email, 1, m -> Mails.subject(m).contains("suggests a change")).get(0);
        String proposalLink = Mails.link(mail, app.url("/testimonial/edit/")).substring(app.baseUrl().length());

        Http author = app.http();
        Document page = author.get(proposalLink).html();
        assertThat(page.select("#freelancer-proposal blockquote").text()).isEqualTo("Tidied: a delight to work with, fast and clear.");
        String action = page.select("#freelancer-proposal form").attr("action");
        assertThat(author.post(action, Map.of("_csrf", author.csrfToken(), "decision", "approve")).status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + f.slug()).body()).contains("Tidied: a delight");
        assertThat(author.get(link).html().select("#proposals .proposal-approved").text()).contains("The freelancer");

        // the author proposes new words through the first link; the freelancer approves them
        Http.Response proposed = author.post(link + "/propose", Map.of("_csrf", author.csrfToken(),
                "body", "Even better after the second project together."));
        assertThat(proposed.status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + f.slug()).body()).doesNotContain("Even better after");
        Document detail = admin.get("/admin/testimonials/" + t.id()).html();
        String decide = detail.select("#author-proposal form").attr("action");
        assertThat(admin.post(decide, Map.of("decision", "approve")).status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + f.slug()).body()).contains("Even better after the second project together.");
        Document history = admin.get("/admin/testimonials/" + t.id()).html();
        assertThat(history.select("#proposals .proposal-row")).hasSize(2);
        assertThat(history.select("#proposals").text()).contains("The author").contains("The freelancer");
        assertThat(history.select(".edit-row").text()).contains("Cy Writer").contains(f.displayName());
        // too short a proposal: 422 with the words kept
        Http.Response bad = author.post(link + "/propose", Map.of("_csrf", author.csrfToken(), "body", "Too short"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select("#f-body").text()).isEqualTo("Too short");
    }

    @Test
    void a_check_in_testimonial_is_tied_to_its_project_and_the_badge_names_it() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Dee Client", Fixtures.unique("dee") + "@example.com",
                "Acme", "", "", "", "en");
        long project = TestDb.jdbi().onDemand(ProjectDao.class).insert(f.workspaceId(), client, "Shop relaunch", 100000L, "EUR",
                LocalDate.now().minusDays(30), LocalDate.now(), "completed", Instant.now());
        long milestone = TestDb.jdbi().onDemand(ProjectDao.class).insertMilestone(f.workspaceId(), project, "Go-live", LocalDate.now());
        String path = "/c/" + askLink(f.workspaceId(), client, project, milestone);
        Http c = app.http();
        c.post(path + "/score", Map.of("score", "10", "comment", ""));
        c.post(path + "/step", Map.of("step", "thanks"));
        assertThat(c.post(path + "/step", Map.of("step", "testimonial", "rating", "5", "name", "Dee Client",
                "body", "They relaunched our shop on time and sales went up.", "consentPublish", "1")).status()).isEqualTo(303);
        Testimonial t = only(f.workspaceId());
        assertThat(t.projectId()).isEqualTo(project);
        assertThat(t.milestoneId()).isEqualTo(milestone);
        assertThat(t.verified()).isTrue();
        assertThat(consents().ledger(f.workspaceId(), t.id())).allMatch(r -> r.channel().equals("link"));
        Fixtures.signedIn(app, f).post("/admin/testimonials/" + t.id() + "/status", Map.of("action", "approve"));
        String month = YearMonth.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tverified").text())
                .isEqualTo("Verified client · Shop relaunch, " + month);
    }

    @Test
    void a_hand_typed_testimonial_linked_to_a_client_is_verified_only_once_that_client_confirms() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String clientEmail = Fixtures.unique("eve") + "@example.com";
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Eve Client", clientEmail, "Acme", "", "", "", "en");
        long project = TestDb.jdbi().onDemand(ProjectDao.class).insert(f.workspaceId(), client, "Brand book", null, "EUR",
                null, null, "active", null);
        Http admin = Fixtures.signedIn(app, f);
        Map<String, String> manual = new HashMap<>(Map.of("rating", "5", "name", "Eve Client", "consentPublish", "1",
                "body", "Eve told me on the phone: the brand book is perfect.", "approveNow", "1"));
        assertThat(admin.postMultipart("/admin/testimonials/new", manual, Map.of()).status()).isEqualTo(303);
        Testimonial t = only(f.workspaceId());
        assertThat(consents().ledger(f.workspaceId(), t.id())).allMatch(r -> r.channel().equals("manual"));

        Http.Response unknown = admin.post("/admin/testimonials/" + t.id() + "/confirmation", Map.of("clientEmail", "nobody@example.com"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.html().select("#f-clientEmail-error").text()).contains("None of your clients");
        assertThat(unknown.html().select("#f-clientEmail").attr("value")).isEqualTo("nobody@example.com");
        assertThat(admin.post("/admin/testimonials/" + t.id() + "/confirmation", Map.of("clientEmail", clientEmail)).status()).isEqualTo(303);
        assertThat(admin.post("/admin/testimonials/" + t.id() + "/confirmation", Map.of("clientEmail", clientEmail,
                "project", String.valueOf(project))).status()).isEqualTo(303);
        // linked, not verified
        Testimonial linked = Reviews.dao().findById(f.workspaceId(), t.id()).orElseThrow();
        assertThat(linked.clientId()).isEqualTo(client);
        assertThat(linked.verified()).isFalse();
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tverified")).isEmpty();
        assertThat(admin.get("/admin/testimonials/" + t.id()).html().select("#awaiting-client").text()).contains("Eve Client");

        var mail = app.mails().await(clientEmail, 2, m -> Mails.subject(m).contains("confirm")).get(1);
        String confirm = Mails.link(mail, app.url("/testimonial/confirm/")).substring(app.baseUrl().length());
        Http c = app.http();
        assertThat(c.get(confirm).html().select("blockquote").text()).contains("the brand book is perfect");
        Map<String, String> yes = allConsents();
        yes.put("_csrf", c.csrfToken());
        assertThat(c.post(confirm, yes).status()).isEqualTo(303);
        assertThat(c.get(confirm).html().select("#confirmed").text()).contains("confirmed");
        Testimonial confirmed = Reviews.dao().findById(f.workspaceId(), t.id()).orElseThrow();
        assertThat(confirmed.verified()).isTrue();
        assertThat(confirmed.consentCaseStudy()).isTrue();
        String month = YearMonth.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
        assertThat(app.http().get("/p/" + f.slug()).html().select(".tverified").text()).isEqualTo("Verified client · Brand book, " + month);
        assertThat(consents().ledger(f.workspaceId(), t.id())).filteredOn(r -> r.channel().equals("link"))
                .allMatch(r -> r.givenBy().equals("Eve Client")).isNotEmpty();
        // the first link (superseded by the second request) and the used one confirm nothing more
        String first = Mails.link(app.mails().await(clientEmail, 2, m -> Mails.subject(m).contains("confirm")).get(0),
                app.url("/testimonial/confirm/")).substring(app.baseUrl().length());
        assertThat(app.http().get(first).status()).isIn(200, 404);
    }

    @Test
    void erasing_a_client_erases_who_gave_their_consents_and_where_from() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Finn Erasable", Fixtures.unique("finn") + "@example.com",
                "Acme", "", "", "", "en");
        String path = "/c/" + askLink(f.workspaceId(), client, null, null);
        Http c = app.http();
        c.post(path + "/score", Map.of("score", "10", "comment", ""));
        c.post(path + "/step", Map.of("step", "thanks"));
        c.post(path + "/step", Map.of("step", "testimonial", "rating", "5", "name", "Finn Erasable",
                "body", "Finn was happy with the whole project, truly.", "consentPublish", "1"));
        Testimonial t = only(f.workspaceId());
        assertThat(consents().ledger(f.workspaceId(), t.id())).allMatch(r -> r.givenBy().equals("Finn Erasable"));
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.post("/admin/clients/" + client + "/privacy/erase", Map.of("testimonials", "anonymize", "confirm", "yes"))
                .status()).isEqualTo(303);
        List<Map<String, Object>> rows = TestDb.jdbi().withHandle(h -> h.createQuery(
                "SELECT given_by, ip FROM testimonial_consents WHERE testimonial_id = :id").bind("id", t.id()).mapToMap().list());
        assertThat(rows).hasSize(6).allMatch(r -> "".equals(r.get("given_by")) && r.get("ip") == null);
    }

    /** A case study (no client, so no approval needed) quoting the testimonial, published; its public path. */
    static String publishedCaseStudy(Fixtures.Freelancer f, Http admin, long testimonialId) {
        String slug = Fixtures.unique("cs").toLowerCase(Locale.ROOT);
        Map<String, String> form = new HashMap<>(Map.of("title", "Checkout rescue", "slug", slug, "clientId", "",
                "anonymousClient", "a Berlin startup", "summary", "How a checkout grew.", "challenge", "Lost visitors.",
                "approach", "Interviews.", "results", "More leads.", "testimonial", String.valueOf(testimonialId)));
        form.put("action", "save");
        Http.Response created = admin.post("/admin/case-studies", form);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(admin.post(created.location() + "/publish", Map.of()).status()).isEqualTo(303);
        return "/p/" + f.slug() + "/case-studies/" + slug;
    }

    /** A check-in sent to the client for this project and milestone, and the token of its link. */
    static String askLink(long ws, long client, Long project, Long milestone) {
        String token = Tokens.random();
        Instant now = Instant.now();
        TestDb.jdbi().useTransaction(h -> {
            long askId = h.createUpdate("""
                    INSERT INTO asks (workspace_id, client_id, project_id, milestone_id, reason, status, scheduled_for, sent_at,
                                      expires_at, created_at)
                    VALUES (:ws, :c, :p, :m, 'project', 'sent', :now, :now, :exp, :now)""")
                    .bind("ws", ws).bind("c", client).bind("p", project).bind("m", milestone).bind("now", now)
                    .bind("exp", now.plus(Duration.ofDays(30))).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO ask_links (token_hash, workspace_id, ask_id, created_at) VALUES (:t, :ws, :a, :now)")
                    .bind("t", Tokens.sha256(token)).bind("ws", ws).bind("a", askId).bind("now", now).execute();
        });
        return token;
    }
}
