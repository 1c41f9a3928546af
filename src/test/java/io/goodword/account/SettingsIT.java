package io.goodword.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Images;
import io.goodword.support.Multipart;
import io.goodword.support.TestDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingsIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    private static Map<String, String> settings(Fixtures.Freelancer f) {
        Map<String, String> m = new HashMap<>();
        m.put("displayName", "Ada Lovelace Studio");
        m.put("slug", f.slug());
        m.put("headline", "Analytical engines, built with care");
        m.put("bio", "I write programs for machines that do not exist yet.");
        m.put("website", "https://ada.example.com");
        m.put("brandColor", "#aa3366");
        m.put("timeZone", "Europe/Berlin");
        m.put("language", "de");
        return m;
    }

    private static Workspace workspace(long id) { return TestDb.jdbi().onDemand(WorkspaceDao.class).findById(id).orElseThrow(); }

    @Test
    void every_admin_page_links_the_freelancers_own_public_page_and_it_answers() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        for (String page : new String[] {"/admin", "/admin/settings", "/admin/clients"}) {
            assertThat(http.get(page).html().select("nav a[href='/p/" + f.slug() + "']")).as(page).hasSize(1);
        }
        assertThat(app.get().http().get("/p/" + f.slug()).status()).isEqualTo(200);
    }

    @Test
    void settings_are_saved_and_confirmed() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response r = http.post("/admin/settings", settings(f));
        assertThat(r.status()).isEqualTo(303);
        Workspace ws = workspace(f.workspaceId());
        assertThat(ws.displayName()).isEqualTo("Ada Lovelace Studio");
        assertThat(ws.headline()).isEqualTo("Analytical engines, built with care");
        assertThat(ws.brandColor()).isEqualTo("#aa3366");
        assertThat(ws.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(ws.language()).isEqualTo("de");
        assertThat(http.get("/admin/settings").html().select(".flash").text()).isEqualTo("Settings saved.");
    }

    @Test
    void a_headline_and_a_logo_sent_in_the_one_settings_form_are_both_saved() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response r = http.postMultipart("/admin/settings", settings(f),
                Map.of("logo", new Multipart.FilePart("me.png", "image/png", Images.png(300, 300, null))));
        assertThat(r.status()).isEqualTo(303);
        Workspace ws = workspace(f.workspaceId());
        assertThat(ws.headline()).isEqualTo("Analytical engines, built with care");
        assertThat(ws.logoFile()).matches("[0-9a-f]{32}\\.png");
        org.jsoup.nodes.Document page = http.get("/admin/settings").html();
        assertThat(page.select("form[action=/admin/settings]").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(page.select("form[action=/admin/settings] #f-logo")).hasSize(1);
        assertThat(page.select("form[action=/admin/settings] #f-headline")).hasSize(1);

        // and "remove the logo" is part of the same form
        Map<String, String> remove = settings(f);
        remove.put("removeLogo", "yes");
        assertThat(http.postMultipart("/admin/settings", remove, Map.of()).status()).isEqualTo(303);
        assertThat(workspace(f.workspaceId()).logoFile()).isNull();
    }

    @Test
    void a_refused_logo_keeps_the_typed_headline_and_saves_nothing() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response r = http.postMultipart("/admin/settings", settings(f),
                Map.of("logo", new Multipart.FilePart("logo.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-headline").attr("value")).isEqualTo("Analytical engines, built with care");
        assertThat(r.html().select("#f-logo-error").text()).contains("not a PNG, JPEG or WebP image");
        assertThat(workspace(f.workspaceId()).headline()).isNotEqualTo("Analytical engines, built with care");
        assertThat(workspace(f.workspaceId()).logoFile()).isNull();
    }

    @Test
    void saving_an_unchanged_form_says_nothing_changed_instead_of_saved() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        assertThat(http.post("/admin/settings", settings(f)).status()).isEqualTo(303);
        assertThat(http.get("/admin/settings").html().select(".flash").text()).isEqualTo("Settings saved.");
        assertThat(http.post("/admin/settings", settings(f)).status()).isEqualTo(303);
        assertThat(http.get("/admin/settings").html().select(".flash").text())
                .isEqualTo("Nothing to save: you have not changed anything.");
    }

    @Test
    void a_changed_slug_keeps_the_old_one_pointing_to_the_new() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Map<String, String> form = settings(f);
        String newSlug = Fixtures.unique("renamed");
        form.put("slug", newSlug);
        assertThat(http.post("/admin/settings", form).status()).isEqualTo(303);
        WorkspaceDao dao = TestDb.jdbi().onDemand(WorkspaceDao.class);
        assertThat(dao.currentSlugFor(f.slug())).contains(newSlug);
        // Nobody else can take the old address while it redirects.
        Fixtures.Freelancer other = Fixtures.freelancer();
        Map<String, String> steal = settings(other);
        steal.put("slug", f.slug());
        Http.Response r = Fixtures.signedIn(app, other).post("/admin/settings", steal);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-slug-error").text()).contains("already taken");
    }

    @Test
    void bad_settings_are_refused_field_by_field_and_nothing_is_saved() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Fixtures.Freelancer other = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Workspace before = workspace(f.workspaceId());
        record Case(String field, String value, String message) {}
        Case[] cases = {
                new Case("slug", other.slug(), "already taken"),
                new Case("slug", "embed", "reserved"),
                new Case("slug", "x", "lowercase"),
                new Case("displayName", "", "fill this in"),
                new Case("displayName", "y".repeat(101), "100 characters"),
                new Case("bio", "b".repeat(2001), "2,000 characters"),
                new Case("website", "javascript:alert(1)", "https://"),
                new Case("brandColor", "red", "colour"),
                new Case("timeZone", "Mars/Olympus", "time zone"),
        };
        for (Case c : cases) {
            Map<String, String> form = settings(f);
            form.put(c.field(), c.value());
            Http.Response r = http.post("/admin/settings", form);
            assertThat(r.status()).as(c.field()).isEqualTo(422);
            assertThat(r.html().select("#f-" + c.field() + "-error").text()).as(c.field()).contains(c.message());
            assertThat(r.html().select("#f-headline").attr("value")).isEqualTo("Analytical engines, built with care");
        }
        Workspace after = workspace(f.workspaceId());
        assertThat(after.displayName()).isEqualTo(before.displayName());
        assertThat(after.headline()).isEqualTo(before.headline());
    }

    @Test
    void a_logo_is_re_encoded_without_its_metadata_and_served() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        byte[] original = Images.png(1200, 600, "GPS 52.52N 13.40E secret");
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("secret");
        Http.Response r = http.postMultipart("/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("me.png", "image/png", original)));
        assertThat(r.status()).isEqualTo(303);
        String file = workspace(f.workspaceId()).logoFile();
        assertThat(file).matches("[0-9a-f]{32}\\.png");
        Http.Response img = app.http().send(HttpRequest.newBuilder(app.http().uri("/media/" + file)).GET());
        assertThat(img.status()).isEqualTo(200);
        assertThat(img.header("Content-Type")).isEqualTo("image/png");
        byte[] stored = java.nio.file.Files.readAllBytes(app.config().uploadsDir().resolve(file));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(512);
        assertThat(decoded.getHeight()).isEqualTo(256);
        assertThat(app.config().uploadsDir().toString()).doesNotContain("static");
    }

    @Test
    void webp_logos_are_accepted() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        Http.Response r = Fixtures.signedIn(app, f).postMultipart("/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("me.webp", "image/webp", webp)));
        assertThat(r.status()).isEqualTo(303);
        assertThat(workspace(f.workspaceId()).logoFile()).endsWith(".png");
    }

    @Test
    void a_file_that_is_not_an_image_is_refused_whatever_its_name() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http.Response r = Fixtures.signedIn(app, f).postMultipart("/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("logo.png", "image/png", "<?php echo 'hi'; ?>".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-logo-error").text()).contains("not a PNG, JPEG or WebP image");
        assertThat(workspace(f.workspaceId()).logoFile()).isNull();
    }

    @Test
    void an_oversize_logo_is_refused_with_a_message() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        byte[] big = new byte[6 * 1024 * 1024];
        byte[] head = Images.png(10, 10, null);
        System.arraycopy(head, 0, big, 0, head.length);
        Http.Response r = Fixtures.signedIn(app, f).postMultipart("/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("big.png", "image/png", big)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-logo-error").text()).contains("larger than 5 MB");
        assertThat(workspace(f.workspaceId()).logoFile()).isNull();
    }

    @Test
    void a_request_body_over_10_mb_is_refused_before_it_is_read() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        byte[] huge = new byte[11 * 1024 * 1024];
        Http.Response r = http.postMultipart("/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("huge.png", "image/png", huge)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.html().select("h1").text()).isEqualTo("Too much data");
    }

    @Test
    void email_and_password_changes_need_the_current_password() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response wrong = http.post("/admin/settings/password", Map.of("currentPassword", "nope", "newPassword", "another long passphrase"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.html().select("#f-password-current-error").text()).contains("not correct");
        Http.Response common = http.post("/admin/settings/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "qwertyuiop"));
        assertThat(common.html().select("#f-newPassword-error").text()).contains("too common");
        assertThat(http.post("/admin/settings/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "another long passphrase")).status()).isEqualTo(303);

        String newEmail = Fixtures.unique("moved") + "@example.com";
        Http.Response badEmail = http.post("/admin/settings/email", Map.of("currentPassword", "another long passphrase", "email", "nope"));
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.html().select("#f-account-email").attr("value")).isEqualTo("nope");
        assertThat(http.post("/admin/settings/email", Map.of("currentPassword", "another long passphrase", "email", newEmail)).status()).isEqualTo(303);
        assertThat(app.http().post("/login", Map.of("username", newEmail, "password", "another long passphrase")).status()).isEqualTo(303);
    }
}
