package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.client.ClientDao;
import io.goodword.security.FormGuard;
import io.goodword.security.Limit;
import io.goodword.security.Throttle;
import io.goodword.support.AppExtension;
import io.goodword.support.Stamps;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Mails;
import io.goodword.support.Multipart;
import io.goodword.support.QrCodes;
import io.goodword.support.TestDb;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CollectionFormIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail().env(Map.of("TRUST_PROXY", "true"));

    private static MimeMessage mailTo(String email, String subjectPart) { return nthMailTo(email, subjectPart, 1); }

    /** The n-th email (1-based) to this address whose subject contains the text. */
    private static MimeMessage nthMailTo(String email, String subjectPart, int n) {
        return app.mails().await(email, n, m -> Mails.subject(m).contains(subjectPart)).get(n - 1);
    }

    private static List<Testimonial> rows(long ws) { return Reviews.dao().all(ws); }

    @Test
    void valid_submission_is_saved_pending_and_emails_the_freelancer_and_the_submitter() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> form = Reviews.valid("Ada Client");
        form.put("email", "ada-" + f.slug() + "@client.example");
        Http.Response r = Reviews.post(app.http(), f.slug(), form, Reviews.newIp());
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.location()).isEqualTo("/p/" + f.slug() + "/review/thanks");
        Http.Response thanks = app.http().get(r.location());
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.html().select("h1").text()).isEqualTo("Thank you!");

        List<Testimonial> saved = rows(f.workspaceId());
        assertThat(saved).hasSize(1);
        Testimonial t = saved.get(0);
        assertThat(t.status()).isEqualTo(TestimonialStatus.PENDING);
        assertThat(t.source()).isEqualTo(TestimonialSource.FORM);
        assertThat(t.verified()).isFalse();
        assertThat(t.consentPublish()).isTrue();

        MimeMessage toFreelancer = mailTo(f.email(), "New testimonial from Ada Client");
        assertThat(Mails.text(toFreelancer)).contains("Working with them was a delight").contains("/admin/testimonials/" + t.id());
        MimeMessage toClient = mailTo(form.get("email"), "Thank you for your testimonial");
        assertThat(Mails.link(toClient, app.url("/testimonial/edit/"))).isNotBlank();
    }

    @Test
    void the_private_link_edits_then_withdraws_and_stops_editing_once_approved() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> form = Reviews.valid("Bea Editor");
        String email = "bea-" + f.slug() + "@client.example";
        form.put("email", email);
        assertThat(Reviews.post(app.http(), f.slug(), form, Reviews.newIp()).status()).isEqualTo(303);
        String link = Mails.link(mailTo(email, "Thank you"), app.url("/testimonial/edit/"));
        String path = link.substring(app.baseUrl().length());

        Http visitor = app.http();
        Http.Response page = visitor.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("textarea[name=body]").text()).contains("Working with them was a delight");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");

        Map<String, String> changed = Reviews.valid("Bea Editor");
        changed.put("body", "Changed my mind: even better than I first wrote, truly.");
        Http.Response saved = Reviews.post(visitor, path, changed, Map.of(), Reviews.newIp());
        assertThat(saved.status()).isEqualTo(303);
        Testimonial t = rows(f.workspaceId()).get(0);
        assertThat(t.body()).isEqualTo("Changed my mind: even better than I first wrote, truly.");

        // too short: 422, kept, nothing lost
        changed.put("body", "short");
        Http.Response bad = Reviews.post(visitor, path, changed, Map.of(), Reviews.newIp());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select("textarea[name=body]").text()).isEqualTo("short");
        assertThat(rows(f.workspaceId()).get(0).body()).startsWith("Changed my mind");

        Http.Response gone = Reviews.post(visitor, path + "/withdraw", Map.of(), Map.of(), Reviews.newIp());
        assertThat(gone.status()).isEqualTo(200);
        assertThat(rows(f.workspaceId())).isEmpty();
        assertThat(visitor.get(path).status()).isEqualTo(404);

        // a second one, approved: the link no longer changes it
        Map<String, String> again = Reviews.valid("Bea Editor");
        again.put("body", "A second, different testimonial that will get approved soon.");
        again.put("email", email);
        assertThat(Reviews.post(app.http(), f.slug(), again, Reviews.newIp()).status()).isEqualTo(303);
        Testimonial second = rows(f.workspaceId()).get(0);
        String path2 = Mails.link(nthMailTo(email, "Thank you", 2), app.url("/testimonial/edit/")).substring(app.baseUrl().length());
        Reviews.dao().setStatus(f.workspaceId(), second.id(), "approved", java.time.Instant.now());
        again.put("body", "Trying to change an approved testimonial should not work at all.");
        Http.Response locked = Reviews.post(app.http(), path2, again, Map.of(), Reviews.newIp());
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.html().select(".form-error").text()).contains("already been reviewed");
        assertThat(Reviews.dao().findById(f.workspaceId(), second.id()).orElseThrow().body()).startsWith("A second");
        // ...but its author stays in control: withdrawing now unpublishes it and keeps the row for the record
        assertThat(Reviews.post(app.http(), path2 + "/withdraw", Map.of(), Map.of(), Reviews.newIp()).status()).isEqualTo(303);
        Testimonial withdrawn = Reviews.dao().findById(f.workspaceId(), second.id()).orElseThrow();
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.isPublic()).isFalse();
    }

    @Test
    void every_bad_field_gets_422_a_message_next_to_it_and_keeps_what_was_typed() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, Map.Entry<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("rating", Map.entry("7", "Please choose a rating from 1 to 5 stars."));
        cases.put("body", Map.entry("Too short", "Please write at least 20 characters."));
        cases.put("name", Map.entry("", "Please fill this in."));
        cases.put("website", Map.entry("javascript:alert(1)", "Please enter a full web address"));
        cases.put("email", Map.entry("not-an-email", "This does not look like an email address"));
        cases.put("role", Map.entry("r".repeat(101), "Please keep this to 100 characters"));
        for (var c : cases.entrySet()) {
            Map<String, String> form = Reviews.valid("Kept Name " + c.getKey());
            form.put(c.getKey(), c.getValue().getKey());
            Http.Response r = Reviews.post(app.http(), f.slug(), form, Reviews.newIp());
            assertThat(r.status()).as(c.getKey()).isEqualTo(422);
            Document d = r.html();
            String errorId = c.getKey().equals("rating") ? "#f-rating-error" : "#f-" + c.getKey() + "-error";
            assertThat(d.select(errorId).text()).as(c.getKey()).contains(c.getValue().getValue());
            assertThat(d.select(".form-error").text()).contains("nothing you typed was lost");
            if (!c.getKey().equals("name")) assertThat(d.select("input[name=name]").val()).isEqualTo("Kept Name " + c.getKey());
            if (!c.getKey().equals("body")) assertThat(d.select("textarea[name=body]").text()).startsWith("Working with them");
            assertThat(d.select("input[name=consentPublish]").hasAttr("checked")).isTrue();
        }
        Map<String, String> longBody = Reviews.valid("Long");
        longBody.put("body", "x".repeat(2001));
        Http.Response r = Reviews.post(app.http(), f.slug(), longBody, Reviews.newIp());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-body-error").text()).contains("2,000 characters");
        assertThat(rows(f.workspaceId())).isEmpty();
    }

    @Test
    void the_optional_details_fold_away_unless_they_hold_something_or_an_error() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Document empty = app.http().get("/p/" + f.slug() + "/review").html();
        assertThat(empty.select("details.more-details").hasAttr("open")).isFalse();
        assertThat(empty.select("details.more-details #f-role, details.more-details #f-website, details.more-details #f-photo"))
                .hasSize(3);
        // the words too short, no details typed: the details stay folded
        Map<String, String> bare = Reviews.valid("Bare Form");
        bare.put("body", "Too short");
        for (String field : new String[] {"role", "company", "website"}) bare.put(field, "");
        Http.Response shortBody = Reviews.post(app.http(), f.slug(), bare, Reviews.newIp());
        assertThat(shortBody.status()).isEqualTo(422);
        assertThat(shortBody.html().select("details.more-details").hasAttr("open")).isFalse();
        // an error inside them opens them, so the message and what was typed are in sight
        Map<String, String> badSite = Reviews.valid("Bad Site");
        for (String field : new String[] {"role", "company"}) badSite.put(field, "");
        badSite.put("website", "javascript:alert(1)");
        Document d = Reviews.post(app.http(), f.slug(), badSite, Reviews.newIp()).html();
        assertThat(d.select("details.more-details").hasAttr("open")).isTrue();
        assertThat(d.select("details.more-details #f-website-error").text()).contains("Please enter a full web address");
        // a detail typed, another field wrong: open, the detail kept
        Map<String, String> withRole = Reviews.valid("With Role");
        withRole.put("body", "Too short");
        for (String field : new String[] {"company", "website"}) withRole.put(field, "");
        Document kept = Reviews.post(app.http(), f.slug(), withRole, Reviews.newIp()).html();
        assertThat(kept.select("details.more-details").hasAttr("open")).isTrue();
        assertThat(kept.select("#f-role").val()).isEqualTo("Founder");
    }

    @Test
    void spam_defences_refuse_with_a_clear_message_and_keep_the_input() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> honey = Reviews.valid("Honey Pot");
        honey.put(FormGuard.HONEYPOT, "http://spam.example");
        Http.Response hp = Reviews.post(app.http(), f.slug(), honey, Reviews.newIp());
        assertThat(hp.status()).isEqualTo(422);
        assertThat(hp.html().select(".form-error").text()).contains("a field meant to stay empty was filled");
        assertThat(hp.html().select("input[name=name]").val()).isEqualTo("Honey Pot");

        Map<String, String> fast = Reviews.valid("Speedy Bot");
        fast.put(FormGuard.STAMP, Stamps.guard().stamp(FormGuard.Form.REVIEW));
        Http.Response tooFast = Reviews.post(app.http(), f.slug(), fast, Reviews.newIp());
        assertThat(tooFast.status()).isEqualTo(422);
        assertThat(tooFast.html().select(".form-error").text()).contains("faster than a person can type");
        assertThat(tooFast.html().select("textarea[name=body]").text()).startsWith("Working with them");
        // the re-rendered form keeps its genuine stamp: sending it again after the minimum time works
        assertThat(tooFast.html().select("input[name=_stamp]").val()).isEqualTo(fast.get(FormGuard.STAMP));

        Map<String, String> forged = Reviews.valid("Forger");
        forged.put(FormGuard.STAMP, "1000.AAAAAAAAAAAAAAAAAAAAAA.deadbeef");
        Map<String, String> otherForm = Reviews.valid("Borrower");
        otherForm.put(FormGuard.STAMP, Stamps.shownEarlier(FormGuard.Form.REFERRAL)); // signed, but for another form
        assertThat(Reviews.post(app.http(), f.slug(), otherForm, Reviews.newIp()).status()).isEqualTo(422);
        assertThat(Reviews.post(app.http(), f.slug(), forged, Reviews.newIp()).status()).isEqualTo(422);

        String ip = Reviews.newIp();
        for (int i = 0; i < Limit.REVIEW_IP.max(); i++) {
            Map<String, String> ok = Reviews.valid("Many " + i);
            ok.put("body", "Testimonial number " + i + " which is long enough to pass validation.");
            assertThat(Reviews.post(app.http(), f.slug(), ok, ip).status()).isEqualTo(303);
        }
        Map<String, String> one = Reviews.valid("One Too Many");
        Http.Response limited = Reviews.post(app.http(), f.slug(), one, ip);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().select(".form-error").text()).contains("Too many testimonials were sent from your connection");
        assertThat(limited.html().select("input[name=name]").val()).isEqualTo("One Too Many");
        assertThat(rows(f.workspaceId())).hasSize(Limit.REVIEW_IP.max());
    }

    @Test
    void a_busy_workspace_is_rate_limited_as_a_whole() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Throttle throttle = Stamps.throttle();
        for (int i = 0; i < Limit.REVIEW_WORKSPACE.max(); i++) throttle.acquire(Throttle.key(Limit.REVIEW_WORKSPACE, f.workspaceId()));
        Http.Response r = Reviews.post(app.http(), f.slug(), Reviews.valid("Late Comer"), Reviews.newIp());
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.html().select(".form-error").text()).contains("This page received too many testimonials");
        assertThat(rows(f.workspaceId())).isEmpty();
    }

    @Test
    void the_same_rendered_review_form_sent_twice_is_stored_once_and_answered_the_same_success() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String ip = Reviews.newIp();
        Map<String, String> form = Reviews.valid("Double Click");
        Http.Response first = Reviews.post(app.http(), f.slug(), form, ip);
        Http.Response again = Reviews.post(app.http(), f.slug(), form, ip);
        assertThat(first.status()).isEqualTo(303);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(rows(f.workspaceId())).hasSize(1);
    }

    @Test
    void the_same_rendered_review_form_sent_in_parallel_is_stored_once() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> form = Reviews.valid("Parallel Twin");
        List<java.util.concurrent.Callable<Integer>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) posts.add(() -> Reviews.post(app.http(), f.slug(), form, Reviews.newIp()).status());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (var r : pool.invokeAll(posts)) assertThat(r.get()).isEqualTo(303);
        } finally {
            pool.shutdown();
        }
        assertThat(rows(f.workspaceId())).hasSize(1);
    }

    @Test
    void every_attempt_with_an_upload_counts_against_the_ip_limit_even_when_the_form_fails() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String ip = Reviews.newIp();
        for (int i = 0; i < Limit.REVIEW_IP.max(); i++) {
            Map<String, String> empty = Reviews.valid("Uploader " + i);
            empty.put("body", "");
            Http.Response r = Reviews.post(app.http(), "/p/" + f.slug() + "/review", empty,
                    Map.of("photo", new Multipart.FilePart("p.png", "image/png", Reviews.png(40, 40))), ip);
            assertThat(r.status()).isEqualTo(422);
        }
        Http.Response limited = Reviews.post(app.http(), f.slug(), Reviews.valid("Finally Valid"), ip);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(rows(f.workspaceId())).isEmpty();
    }

    @Test
    void failed_attempts_without_an_upload_do_not_use_up_the_limit() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String ip = Reviews.newIp();
        for (int i = 0; i < Limit.REVIEW_IP.max() + 2; i++) {
            Map<String, String> empty = Reviews.valid("Typo " + i);
            empty.put("body", "");
            assertThat(Reviews.post(app.http(), f.slug(), empty, ip).status()).isEqualTo(422);
        }
        assertThat(Reviews.post(app.http(), f.slug(), Reviews.valid("Fixed It"), ip).status()).isEqualTo(303);
    }

    @Test
    void the_same_words_from_the_same_source_are_refused_as_a_duplicate() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        String ip = Reviews.newIp();
        assertThat(Reviews.post(app.http(), f.slug(), Reviews.valid("Dupe"), ip).status()).isEqualTo(303);
        Map<String, String> again = Reviews.valid("Dupe");
        again.put("body", again.get("body").toUpperCase() + "  ");
        Http.Response r = Reviews.post(app.http(), f.slug(), again, ip);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-body-error").text()).contains("You already sent this testimonial");
        assertThat(rows(f.workspaceId())).hasSize(1);
    }

    @Test
    void photo_is_sniffed_cropped_square_and_asked_for_again_when_another_field_fails() throws Exception {
        // A refused attempt never decodes or stores the photo (M5), and no file name ever travels in the form (H1):
        // the visitor chooses the photo again.
        Fixtures.Freelancer f = Fixtures.freelancer();
        Map<String, String> form = Reviews.valid("Photo Person");
        form.put("body", "short");
        Http visitor = app.http();
        Http.Response first = Reviews.post(visitor, "/p/" + f.slug() + "/review", form,
                Map.of("photo", new Multipart.FilePart("me.png", "image/png", Reviews.png(800, 600))), Reviews.newIp());
        assertThat(first.status()).isEqualTo(422);
        assertThat(first.html().select("input[name=keptPhoto]")).isEmpty();
        assertThat(first.html().select("#f-photo-error").text()).contains("choose it again");

        form.put("body", "Now long enough to be accepted, with the photo chosen again.");
        assertThat(Reviews.post(visitor, "/p/" + f.slug() + "/review", form,
                Map.of("photo", new Multipart.FilePart("me.png", "image/png", Reviews.png(800, 600))), Reviews.newIp()).status())
                .isEqualTo(303);
        Testimonial t = rows(f.workspaceId()).get(0);
        String kept = t.photoFile();
        assertThat(kept).matches("[0-9a-f]{32}\\.png");
        byte[] stored = Files.readAllBytes(app.config().uploadsDir().resolve(kept));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(img.getWidth()).isEqualTo(img.getHeight()).isLessThanOrEqualTo(TestimonialService.PHOTO_SIDE);

        Map<String, String> fake = Reviews.valid("Fake Photo");
        Http.Response notImage = Reviews.post(app.http(), "/p/" + f.slug() + "/review", fake,
                Map.of("photo", new Multipart.FilePart("x.png", "image/png", "<svg onload=alert(1)>".getBytes())), Reviews.newIp());
        assertThat(notImage.status()).isEqualTo(422);
        assertThat(notImage.html().select("#f-photo-error").text()).contains("not a PNG, JPEG or WebP");

        Map<String, String> big = Reviews.valid("Big Photo");
        byte[] huge = new byte[5 * 1024 * 1024 + 10];
        System.arraycopy(Reviews.png(10, 10), 0, huge, 0, 20);
        Http.Response tooBig = Reviews.post(app.http(), "/p/" + f.slug() + "/review", big,
                Map.of("photo", new Multipart.FilePart("big.png", "image/png", huge)), Reviews.newIp());
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.html().select("#f-photo-error").text()).contains("larger than 5 MB");
        assertThat(rows(f.workspaceId())).hasSize(1);
    }

    @Test
    void a_personal_link_submission_is_tied_to_the_client_and_verified() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long clientId = TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Carla Client",
                "carla-" + f.slug() + "@client.example", "Carla Co", "", "", null, "en");
        Workspace ws = TestDb.jdbi().onDemand(WorkspaceDao.class).findById(f.workspaceId()).orElseThrow();
        TestimonialService service = new TestimonialService(TestDb.jdbi(),
                new io.goodword.mail.Outbox(io.goodword.web.Templates.create(app.config()), Clock.systemUTC(), false),
                new io.goodword.media.ImageStore(app.config().uploadsDir(), TestDb.jdbi(), Clock.systemUTC()), new PublicCache(TestDb.jdbi()),
                io.goodword.web.I18n.load(), Clock.systemUTC(), app.baseUrl());
        TestimonialForm form = new TestimonialForm("4", "Carla says the project was on time and on budget.", "Carla Client",
                "", "Carla Co", "", "", true, false, true, null);
        TestimonialService.SubmitResult r = service.submit(ws, form, null, Origin.personalLink(clientId, "10.1.1.1"));
        assertThat(r.ok()).isTrue();
        Testimonial t = Reviews.dao().findById(f.workspaceId(), r.testimonial().id()).orElseThrow();
        assertThat(t.verified()).isTrue();
        assertThat(t.clientId()).isEqualTo(clientId);
        assertThat(t.source()).isEqualTo(TestimonialSource.LINK);
        // the open form never marks anything verified
        TestimonialService.SubmitResult open = service.submit(ws, new TestimonialForm("4",
                "Another opinion, from the open form this time.", "Open Person", "", "", "", "", true, false, false, null),
                null, Origin.publicForm("10.1.1.2"));
        assertThat(Reviews.dao().findById(f.workspaceId(), open.testimonial().id()).orElseThrow().verified()).isFalse();
    }

    @Test
    void the_workspace_prompt_guides_clients_on_the_form_and_unknown_slugs_are_404() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        assertThat(admin.post("/admin/testimonials/collect", Map.of("prompt", "What did we build <together>?")).status()).isEqualTo(303);
        Http.Response form = app.http().get("/p/" + f.slug() + "/review");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select(".prompt-text").text()).isEqualTo("What did we build <together>?");
        assertThat(form.body()).doesNotContain("<together>");
        assertThat(form.html().select("fieldset.rating input[type=radio][name=rating]")).hasSize(5);
        assertThat(form.html().select("label[for=f-rating-5] .sr-only").text()).isEqualTo("5 out of 5 stars");
        assertThat(app.http().get("/p/no-such-" + f.slug() + "/review").status()).isEqualTo(404);
    }

    @Test
    void the_collect_page_shows_the_review_link_as_a_qr_code_that_reads_back_to_it() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        String link = app.baseUrl() + "/p/" + f.slug() + "/review";
        Document page = admin.get("/admin/testimonials/collect").html();
        assertThat(page.select("#review-link").attr("value")).isEqualTo(link);
        assertThat(page.select("#review-qr img").attr("src")).isEqualTo("/admin/testimonials/collect/qr.svg");
        assertThat(page.select("#review-qr img").attr("alt")).isEqualTo("QR code of your review link");
        assertThat(page.select("#review-qr a[download]").eachAttr("href"))
                .containsExactly("/admin/testimonials/collect/qr.svg", "/admin/testimonials/collect/qr.png");

        HttpResponse<byte[]> png = admin.getBytes("/admin/testimonials/collect/qr.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(QrCodes.decode(ImageIO.read(new ByteArrayInputStream(png.body())))).isEqualTo(link);
        Http.Response svg = admin.get("/admin/testimonials/collect/qr.svg");
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.header("Content-Disposition")).isEqualTo("inline; filename=\"review-" + f.slug() + "-qr.svg\"");
        assertThat(svg.body()).contains("<title>" + link + "</title>");

        // each freelancer gets their own link; a visitor who is not signed in gets the sign-in page
        Fixtures.Freelancer other = Fixtures.freelancer();
        assertThat(Fixtures.signedIn(app, other).get("/admin/testimonials/collect/qr.svg").body())
                .contains("/p/" + other.slug() + "/review").doesNotContain(f.slug());
        assertThat(app.http().get("/admin/testimonials/collect/qr.png").status()).isEqualTo(302);
    }
}
