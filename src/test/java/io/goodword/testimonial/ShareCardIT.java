package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A public testimonial's picture for link previews and social posts (/p/{slug}/t/{id}/card.png): the single page
 * names it as its preview image, the admin offers it for download, and a testimonial the public may not see (pending,
 * without consent, another workspace's) has none.
 */
class ShareCardIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> fetch(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_public_testimonial_has_a_picture_for_link_previews_and_no_other_testimonial_has_one() throws Exception {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long shown = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, true, "Anna Berg", "Maya gave our café a brand our guests remember.");
        long pending = Reviews.insert(f.workspaceId(), TestimonialStatus.PENDING, true, "Pending Person", "Not approved yet, so never drawn.");
        long unconsented = Reviews.insert(f.workspaceId(), TestimonialStatus.APPROVED, false, "Private Person", "Approved without consent: private.");
        String page = "/p/" + f.slug() + "/t/" + shown;

        Document single = app.http().get(page).html();
        assertThat(single.select("meta[property=og:image]").attr("content")).isEqualTo(app.url(page + "/card.png"));
        assertThat(single.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(single.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
        assertThat(single.select("meta[property=og:image:height]").attr("content")).isEqualTo("630");
        assertThat(single.select("meta[property=og:image:alt]").attr("content"))
                .isEqualTo("Anna Berg, 5 of 5 stars: “Maya gave our café a brand our guests remember.”");

        // a visitor who came by a shared link: the way to the freelancer, and plain links to pass it on
        assertThat(single.select("#single-contact").attr("href")).isEqualTo("/p/" + f.slug() + "/contact");
        String address = java.net.URLEncoder.encode(app.url(page), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(single.select("#share-linkedin").attr("href")).isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url=" + address);
        assertThat(single.select("#share-x").attr("href")).startsWith("https://twitter.com/intent/tweet?url=" + address + "&text=Anna%20Berg%20about%20");
        assertThat(single.select("#share-email").attr("href")).startsWith("mailto:?subject=Anna%20Berg%20about%20").endsWith("&body=" + address);

        // the wall's preview is its first testimonial's picture
        Document wall = app.http().get("/p/" + f.slug()).html();
        assertThat(wall.select("meta[property=og:image]").attr("content")).isEqualTo(app.url(page + "/card.png"));
        assertThat(wall.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");

        HttpResponse<byte[]> card = fetch(page + "/card.png");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(card.body()));
        assertThat(image.getWidth()).isEqualTo(ShareCard.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ShareCard.HEIGHT);
        assertThat(image.getRGB(5, 300) & 0xffffff).as("the workspace's brand colour").isEqualTo(0x4f46e5);
        // drawn once per stamp: the same bytes again, and a 304 for a preview service that revalidates
        assertThat(fetch(page + "/card.png").body()).isEqualTo(card.body());
        String etag = card.headers().firstValue("ETag").orElseThrow();
        assertThat(CLIENT.send(HttpRequest.newBuilder(URI.create(app.url(page + "/card.png"))).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);

        for (long id : List.of(pending, unconsented, 999_999_999L)) {
            assertThat(fetch("/p/" + f.slug() + "/t/" + id + "/card.png").statusCode()).as("testimonial " + id).isEqualTo(404);
        }
        Fixtures.Freelancer other = Fixtures.freelancer();
        assertThat(fetch("/p/" + other.slug() + "/t/" + shown + "/card.png").statusCode()).as("through another workspace's site").isEqualTo(404);
        assertThat(fetch(page + "/card.png%00.html").statusCode()).as("a NUL in the path: refused, never a 500").isIn(400, 404);

        Http admin = Fixtures.signedIn(app, f);
        Document detail = admin.get("/admin/testimonials/" + shown).html();
        assertThat(detail.select("#share-card").attr("href")).isEqualTo(page + "/card.png");
        assertThat(detail.select("#share-card").attr("download")).isEqualTo("testimonial-" + shown + ".png");
        assertThat(admin.get("/admin/testimonials/" + pending).html().select("#share-card")).as("not public yet").isEmpty();
    }
}
