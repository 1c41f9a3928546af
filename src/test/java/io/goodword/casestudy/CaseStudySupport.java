package io.goodword.casestudy;

import io.goodword.client.ClientDao;
import io.goodword.mail.OutboxDao;
import io.goodword.mail.OutboxMessage;
import io.goodword.support.Fixtures;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Test data for case studies, built through the DAOs. */
public final class CaseStudySupport {
    private static final Pattern APPROVE_LINK = Pattern.compile("https?://[^\\s\"<]+/approve/([A-Za-z0-9_-]{43})");

    private CaseStudySupport() {}

    /** A complete, valid editor form. */
    public static Map<String, String> form(String title, String slug) {
        Map<String, String> f = new HashMap<>();
        f.put("title", title);
        f.put("slug", slug);
        f.put("clientId", "");
        f.put("anonymousClient", "a Berlin fintech startup");
        f.put("industry", "Fintech");
        f.put("services", "UX research, design");
        f.put("summary", "How a checkout redesign grew leads.");
        f.put("challenge", "The checkout lost **half** of its visitors.");
        f.put("approach", "- interviews\n- prototypes");
        f.put("results", "Leads grew by [38%](https://example.com/report).");
        f.put("keyLabel", "Leads per month");
        f.put("keyValue", "+38%");
        f.put("ctaText", "Book a call");
        f.put("ctaUrl", "https://example.com/book");
        f.put("action", "save");
        return f;
    }

    public static long client(long workspaceId, String name, String email) {
        return TestDb.jdbi().onDemand(ClientDao.class).insert(workspaceId, name, email, "Acme GmbH", "", "", null, "en");
    }

    /**
     * An approved (or pending) testimonial by a CTO of Acme, company shown; {@code consent}: to publish it and to quote
     * it in case studies (a case study quotes only testimonials whose author allowed that).
     */
    static long testimonial(long workspaceId, String name, String body, boolean approved, boolean consent) {
        long id = Fixtures.testimonial(workspaceId, approved ? TestimonialStatus.APPROVED : TestimonialStatus.PENDING, name, "CTO",
                body, "Acme", null, consent, true);
        TestDb.jdbi().useHandle(h -> h.createUpdate("UPDATE testimonials SET consent_case_study = :c WHERE id = :id")
                .bind("c", consent).bind("id", id).execute());
        return id;
    }

    public static long caseStudyId(long workspaceId, String slug) {
        return TestDb.jdbi().onDemand(CaseStudyDao.class).findBySlug(workspaceId, slug).orElseThrow().id();
    }

    static CaseStudy caseStudy(long workspaceId, long id) {
        return TestDb.jdbi().onDemand(CaseStudyDao.class).find(workspaceId, id).orElseThrow();
    }

    static CaseStudyContent current(long workspaceId, long id) {
        CaseStudyDao dao = TestDb.jdbi().onDemand(CaseStudyDao.class);
        CaseStudy cs = dao.find(workspaceId, id).orElseThrow();
        return CaseStudyContent.fromJson(dao.findVersion(workspaceId, cs.currentVersionId()).orElseThrow().content());
    }

    static List<CaseStudyVersion> versions(long workspaceId, long id) {
        return TestDb.jdbi().onDemand(CaseStudyDao.class).listVersions(workspaceId, id);
    }

    /** The approval link in the newest approval email of this workspace (read from the outbox). */
    static String approvalPath(Fixtures.Freelancer f) {
        List<OutboxMessage> mails = TestDb.jdbi().onDemand(OutboxDao.class).listForWorkspace(f.workspaceId(), 20, 0);
        for (OutboxMessage m : mails) {
            if (!"casestudy-approval".equals(m.kind())) continue;
            Matcher matcher = APPROVE_LINK.matcher(m.textBody());
            if (matcher.find()) return "/approve/" + matcher.group(1);
        }
        throw new AssertionError("no approval email in the outbox");
    }

    public static String approvalPathIn(String text) {
        Matcher matcher = APPROVE_LINK.matcher(text);
        if (!matcher.find()) throw new AssertionError("no approval link in: " + text);
        return "/approve/" + matcher.group(1);
    }

    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) for (int y = 0; y < h; y++) img.setRGB(x, y, (x * 7 + y * 13) & 0xffffff);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unique(String prefix) { return Fixtures.unique(prefix); }
}
