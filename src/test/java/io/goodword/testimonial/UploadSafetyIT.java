package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.goodword.account.WorkspaceDao;
import io.goodword.client.ClientDao;
import io.goodword.media.ImageStore;
import io.goodword.security.Tokens;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Mails;
import io.goodword.support.Multipart;
import io.goodword.support.TestDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploads under attack and under failure: a stored file name is never taken from a visitor, no action of one tenant
 * deletes another tenant's image, refused submissions never decode or store a photo, orphans are swept, a full disk
 * answers a clear 507 with no row, and images are streamed.
 */
class UploadSafetyIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension().withMail().env(Map.of("TRUST_PROXY", "true"));

    private static Path uploads() { return app.config().uploadsDir(); }

    /** A victim workspace with an uploaded logo; returns the logo's public file name. */
    private static String victimLogo() {
        Fixtures.Freelancer victim = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, victim);
        Http.Response r = Reviews.post(admin, "/admin/settings/logo", Map.of(),
                Map.of("logo", new Multipart.FilePart("logo.png", "image/png", Reviews.png(300, 200))), Reviews.newIp());
        assertThat(r.status()).isEqualTo(303);
        String logo = TestDb.jdbi().onDemand(WorkspaceDao.class).findById(victim.workspaceId()).orElseThrow().logoFile();
        assertThat(logo).matches("[0-9a-f]{32}\\.png");
        assertThat(media(logo)).isEqualTo(200);
        return logo;
    }

    private static int media(String name) { return app.http().get("/media/" + name).status(); }

    private static String editPath(String email) {
        return Mails.link(app.mails().await(email), app.url("/testimonial/edit/")).substring(app.baseUrl().length());
    }

    @Test
    void withdrawing_a_review_never_deletes_another_tenants_logo() {
        String logo = victimLogo();
        Fixtures.Freelancer attacker = Fixtures.freelancer();
        String email = Fixtures.unique("attacker") + "@evil.example";
        Map<String, String> form = Reviews.valid("Mallory");
        form.put("email", email);
        form.put("keptPhoto", logo); // the name is public: it is on the victim's wall
        assertThat(Reviews.post(app.http(), "/p/" + attacker.slug() + "/review", form, Map.of(), Reviews.newIp()).status())
                .isEqualTo(303);
        Testimonial t = Reviews.dao().all(attacker.workspaceId()).get(0);
        assertThat(t.photoFile()).isNull();

        Http.Response gone = Reviews.post(app.http(), editPath(email) + "/withdraw", Map.of(), Map.of(), Reviews.newIp());
        assertThat(gone.status()).isEqualTo(200);
        assertThat(Reviews.dao().all(attacker.workspaceId())).isEmpty();
        assertThat(media(logo)).isEqualTo(200);
    }

    @Test
    void editing_or_withdrawing_a_row_that_names_another_tenants_file_never_deletes_it() {
        // A row pointing at someone else's file (written by an older version, or by an import) must not be a lever.
        String logo = victimLogo();
        Fixtures.Freelancer attacker = Fixtures.freelancer();
        String token = Tokens.random();
        String body = "A forged testimonial whose photo is another tenant's logo, long enough.";
        long id = Reviews.dao().insert(attacker.workspaceId(), null, TestimonialStatus.PENDING.db(), TestimonialSource.FORM.db(),
                false, 5, body, TestimonialService.bodyHash(body), "Mallory", "", "", "", "m@evil.example", logo, true, true,
                true, "10.9.9.9", Tokens.sha256(token), null);
        Map<String, String> edit = Reviews.valid("Mallory");
        edit.put("body", body + " Edited.");
        edit.put("removePhoto", "1");
        assertThat(Reviews.post(app.http(), "/testimonial/edit/" + token, edit, Map.of(), Reviews.newIp()).status()).isEqualTo(303);
        assertThat(Reviews.dao().findById(attacker.workspaceId(), id).orElseThrow().photoFile()).isNull();
        assertThat(media(logo)).isEqualTo(200);

        // the same through a replaced photo, then a withdrawal
        TestDb.jdbi().useHandle(h -> h.execute("UPDATE testimonials SET photo_file = ? WHERE id = ?", logo, id));
        edit.remove("removePhoto");
        Http.Response replaced = Reviews.post(app.http(), "/testimonial/edit/" + token, edit,
                Map.of("photo", new Multipart.FilePart("me.png", "image/png", Reviews.png(64, 64))), Reviews.newIp());
        assertThat(replaced.status()).isEqualTo(303);
        String own = Reviews.dao().findById(attacker.workspaceId(), id).orElseThrow().photoFile();
        assertThat(own).isNotEqualTo(logo);
        assertThat(media(logo)).isEqualTo(200);
        assertThat(Reviews.post(app.http(), "/testimonial/edit/" + token + "/withdraw", Map.of(), Map.of(), Reviews.newIp())
                .status()).isEqualTo(200);
        assertThat(media(own)).as("the attacker's own photo goes with the row").isEqualTo(404);
        assertThat(media(logo)).isEqualTo(200);
    }

    @Test
    void adding_a_testimonial_by_hand_then_erasing_the_client_never_deletes_another_tenants_logo() {
        String logo = victimLogo();
        Fixtures.Freelancer attacker = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, attacker);
        String email = Fixtures.unique("client") + "@evil.example";
        Map<String, String> form = Reviews.valid("Client Of Mallory");
        form.put("email", email);
        form.put("keptPhoto", logo);
        form.remove("started");
        assertThat(Reviews.post(admin, "/admin/testimonials/new", form, Map.of(), Reviews.newIp()).status()).isEqualTo(303);
        assertThat(Reviews.dao().all(attacker.workspaceId()).get(0).photoFile()).isNull();
        // a row that does name it (older version) is no lever either
        TestDb.jdbi().useHandle(h -> h.execute("UPDATE testimonials SET photo_file = ? WHERE workspace_id = ?", logo,
                attacker.workspaceId()));
        long clientId = TestDb.jdbi().onDemand(ClientDao.class).insert(attacker.workspaceId(), "Client Of Mallory", email,
                "", "", "", null, "en");
        assertThat(admin.post("/admin/clients/" + clientId + "/privacy/erase",
                Map.of("testimonials", "remove", "confirm", "yes")).status()).isEqualTo(303);
        assertThat(Reviews.dao().all(attacker.workspaceId())).isEmpty();
        assertThat(media(logo)).isEqualTo(200);
    }

    @Test
    void a_photo_sent_with_a_refused_submission_is_never_decoded_or_stored() throws IOException {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long before = fileCount();
        for (int i = 0; i < 15; i++) {
            Map<String, String> form = Reviews.valid("Spammer");
            form.put("body", "");
            Http.Response r = Reviews.post(app.http(), "/p/" + f.slug() + "/review", form,
                    Map.of("photo", new Multipart.FilePart("me.png", "image/png", Reviews.png(800, 600))), Reviews.newIp());
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.html().select("#f-photo-error").text()).contains("Please choose it again");
            assertThat(r.html().select("input[name=keptPhoto]")).isEmpty();
        }
        assertThat(fileCount()).isEqualTo(before);
        assertThat(Reviews.dao().all(f.workspaceId())).isEmpty();
    }

    @Test
    void a_photo_with_more_pixels_than_a_small_square_needs_is_refused_before_decoding() throws IOException {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long before = fileCount();
        BufferedImage img = new BufferedImage(5000, 4000, BufferedImage.TYPE_BYTE_BINARY); // 20 MP, a few KB as PNG
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        Http.Response r = Reviews.post(app.http(), "/p/" + f.slug() + "/review", Reviews.valid("Bomb"),
                Map.of("photo", new Multipart.FilePart("bomb.png", "image/png", out.toByteArray())), Reviews.newIp());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-photo-error").text()).contains("too many pixels");
        assertThat(fileCount()).isEqualTo(before);
        assertThat(Reviews.dao().all(f.workspaceId())).isEmpty();
    }

    @Test
    void one_sweep_removes_day_old_files_no_row_names_and_keeps_the_rest() throws Exception {
        String logo = victimLogo();
        ImageStore store = new ImageStore(uploads(), TestDb.jdbi(), Clock.systemUTC());
        String oldOrphan = store.store(Reviews.png(40, 40), 256, ImageStore.Fit.SQUARE);
        String freshOrphan = store.store(Reviews.png(40, 40), 256, ImageStore.Fit.SQUARE);
        Path oldTmp = uploads().resolve("0123456789abcdef0123456789abcdef.png.tmp");
        Files.write(oldTmp, new byte[] {1, 2, 3});
        // a case-study cover is named inside the version's JSON
        String cover = store.store(Reviews.png(40, 40), 1600, ImageStore.Fit.WITHIN);
        Fixtures.Freelancer f = Fixtures.freelancer();
        TestDb.jdbi().useHandle(h -> {
            long cs = h.createUpdate("INSERT INTO case_studies (workspace_id, slug, title) VALUES (?, ?, 'Cover test')")
                    .bind(0, f.workspaceId()).bind(1, Fixtures.unique("cs")).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            h.execute("INSERT INTO case_study_versions (workspace_id, case_study_id, number, content, content_hash) "
                    + "VALUES (?, ?, 1, ?, 'h')", f.workspaceId(), cs, "{\"coverFile\":\"" + cover + "\"}");
        });
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofHours(25)));
        for (String n : List.of(logo, oldOrphan, cover)) Files.setLastModifiedTime(uploads().resolve(n), dayAgo);
        Files.setLastModifiedTime(oldTmp, dayAgo);

        assertThat(store.sweepOrphans()).isGreaterThanOrEqualTo(2);
        assertThat(uploads().resolve(oldOrphan)).doesNotExist();
        assertThat(oldTmp).doesNotExist();
        assertThat(uploads().resolve(freshOrphan)).exists();
        assertThat(uploads().resolve(logo)).exists();
        assertThat(uploads().resolve(cover)).exists();
        assertThat(store.sweepOrphans()).as("a second pass finds nothing more").isZero();
    }

    @Test
    void every_column_that_can_name_an_upload_is_counted_as_a_reference() {
        // A feature adding a *_file column must add it to MediaDao, or its files could be swept or deleted.
        List<String> columns = TestDb.jdbi().withHandle(h -> h.createQuery("""
                SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND column_name LIKE '%\\_file' ORDER BY 1""").mapTo(String.class).list());
        assertThat(columns).containsExactly("testimonials.photo_file", "workspaces.logo_file");
        String logo = victimLogo();
        ImageStore store = new ImageStore(uploads(), TestDb.jdbi(), Clock.systemUTC());
        assertThat(store.deleteIfUnreferenced(logo)).isFalse();
        assertThat(media(logo)).isEqualTo(200);
    }

    @Test
    void a_full_disk_answers_507_on_the_same_form_and_leaves_no_row_and_no_file() throws Exception {
        Path dir = uploads();
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor() == 0, "needs root to mount a small tmpfs over the uploads directory");
        try {
            try (OutputStream filler = Files.newOutputStream(dir.resolve("filler"))) {
                byte[] block = new byte[4096];
                while (true) filler.write(block); // until ENOSPC, as on a full volume
            } catch (IOException full) {
                assertThat(full.getMessage()).containsIgnoringCase("space");
            }
            Fixtures.Freelancer f = Fixtures.freelancer();
            Map<String, String> form = Reviews.valid("Full Disk");
            Http.Response r = Reviews.post(app.http(), "/p/" + f.slug() + "/review", form,
                    Map.of("photo", new Multipart.FilePart("me.png", "image/png", noise(256))), Reviews.newIp());
            assertThat(r.status()).isEqualTo(507);
            assertThat(r.html().select("#f-photo-error").text()).contains("storage is full");
            assertThat(r.html().select("#f-name").val()).isEqualTo("Full Disk");
            assertThat(Reviews.dao().all(f.workspaceId())).isEmpty();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("filler");
            }
            // without a photo the testimonial still goes through
            form.put("started", Reviews.started());
            assertThat(Reviews.post(app.http(), f.slug(), form, Reviews.newIp()).status()).isEqualTo(303);
        } finally {
            new ProcessBuilder("umount", dir.toString()).start().waitFor();
        }
    }

    @Test
    void images_are_streamed_with_their_length_and_never_read_whole_into_memory() throws Exception {
        String name = "fedcba9876543210fedcba9876543210.png";
        byte[] big = new byte[16 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(uploads().resolve(name), big);
        HttpRequest get = HttpRequest.newBuilder(app.http().uri("/media/" + name)).GET().build();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> first = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(big);
        assertThat(first.headers().firstValue("Content-Length")).hasValue(String.valueOf(big.length));
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(first.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");

        long before = serverAllocated();
        for (int i = 0; i < 4; i++) {
            assertThat(client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        long allocated = serverAllocated() - before;
        assertThat(allocated).as("the server threads were measured").isPositive();
        assertThat(allocated).as("bytes allocated by server threads for 4 x 16 MB").isLessThan(big.length);
        assertThat(media("00000000000000000000000000000000.png")).isEqualTo(404);
        Files.delete(uploads().resolve(name));
    }

    /** Heap bytes allocated so far by the web server's threads (Jetty's pool). */
    private static long serverAllocated() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("JettyServerThreadPool") || t.getName().startsWith("qtp")) {
                long b = mx.getThreadAllocatedBytes(t.getId());
                if (b > 0) sum += b;
            }
        }
        return sum;
    }

    private static byte[] noise(int side) throws IOException {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < side; y++) for (int x = 0; x < side; x++) img.setRGB(x, y, r.nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static long fileCount() throws IOException {
        try (Stream<Path> files = Files.list(uploads())) {
            return files.count();
        }
    }
}
