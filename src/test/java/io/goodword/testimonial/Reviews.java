package io.goodword.testimonial;

import io.goodword.security.FormGuard;
import io.goodword.support.Http;
import io.goodword.support.Multipart;
import io.goodword.support.Stamps;
import io.goodword.support.TestDb;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/** Test helpers for testimonials: posting the public form as a given IP, rows straight through the DAO, images. */
public final class Reviews {
    private static final AtomicInteger IP = new AtomicInteger(1);

    private Reviews() {}

    /** A fresh fake client IP (the test app trusts X-Forwarded-For), so rate limits of other tests never interfere. */
    public static String newIp() { int n = IP.getAndIncrement(); return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256); }

    static TestimonialDao dao() { return TestDb.jdbi().onDemand(TestimonialDao.class); }

    /** A stamp as if the form had been opened ten seconds ago. */
    static String started() { return Stamps.shownEarlier(FormGuard.Form.REVIEW); }

    public static Map<String, String> valid(String name) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rating", "5");
        m.put("body", "Working with them was a delight: fast, clear and kind. Recommended to " + name + "'s friends.");
        m.put("name", name);
        m.put("role", "Founder");
        m.put("company", "Acme " + name);
        m.put("website", "https://acme.example");
        m.put("email", "");
        m.put("consentPublish", "1");
        m.put("consentShowPhoto", "1");
        m.put("consentShowCompany", "1");
        m.put(FormGuard.STAMP, started());
        m.put(FormGuard.HONEYPOT, "");
        return m;
    }

    /** Posts the public form (multipart, with CSRF) as the given IP. */
    static Http.Response post(Http http, String path, Map<String, String> fields, Map<String, Multipart.FilePart> files, String ip) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", http.csrfToken());
        Multipart mp = new Multipart(withToken, files);
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Content-Type", mp.contentType())
                .header("X-Forwarded-For", ip).POST(HttpRequest.BodyPublishers.ofByteArray(mp.bytes())));
    }

    public static Http.Response post(Http http, String slug, Map<String, String> fields, String ip) {
        return post(http, "/p/" + slug + "/review", fields, Map.of(), ip);
    }

    /** Inserts a testimonial directly (for moderation and public-page tests). */
    static long insert(long ws, TestimonialStatus status, boolean consent, String name, String body) {
        long id = dao().insert(ws, null, status.db(), TestimonialSource.FORM.db(), false, 5, body,
                TestimonialService.bodyHash(body), name, "CTO", "Company of " + name, "https://" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example",
                name.toLowerCase().replaceAll("[^a-z]", "") + "@client.example", null, consent, true, true, "10.9.9.9", null,
                status == TestimonialStatus.APPROVED ? Instant.now() : null);
        return id;
    }

    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
