import java.sql.Timestamp;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Benchmark data, loaded into the database of a freshly started (hence migrated) portal: one workspace
 * ("bench-wall") with 2,000 approved testimonials (plus pending/rejected ones) among 100,000 in total across 2,000
 * other workspaces, through JDBC batches. Run: java -cp target/goodword.jar bench/Seed.java JDBC_URL
 */
public class Seed {
    static final int TOTAL = 100_000;
    static final int OTHERS = 2_000;
    static final int TARGET_APPROVED = 2_000;
    static final int TARGET_OTHER = 500;

    public static void main(String[] args) {
        Jdbi jdbi = Jdbi.create(args[0], args.length > 1 ? args[1] : "root", args.length > 2 ? args[2] : "");
        {
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO workspaces (slug, display_name, headline, bio, language) VALUES "
                        + "('bench-wall', 'Bench Studio', 'Design and web development for small businesses', "
                        + "'Ten years of building friendly websites.', 'en')");
                long target = h.createQuery("SELECT id FROM workspaces WHERE slug = 'bench-wall'").mapTo(Long.class).one();
                PreparedBatch ws = h.prepareBatch("INSERT INTO workspaces (slug, display_name, bio, language) VALUES (:s, :n, '', 'en')");
                for (int i = 0; i < OTHERS; i++) ws.bind("s", "other-" + i).bind("n", "Other " + i).add();
                ws.execute();
                long firstOther = h.createQuery("SELECT MIN(id) FROM workspaces WHERE slug LIKE 'other-%'").mapTo(Long.class).one();
                String sql = "INSERT INTO testimonials (workspace_id, status, source, rating, body, original_body, name, role, company, "
                        + "consent_publish, consent_show_company, featured, approved_at, created_at) VALUES "
                        + "(:ws, :status, 'form', :rating, :body, :body, :name, 'Founder', :company, 1, 1, :featured, :approved, :created)";
                int inserted = 0;
                Instant now = Instant.now();
                PreparedBatch b = h.prepareBatch(sql);
                for (int i = 0; i < TOTAL; i++) {
                    boolean forTarget = i < TARGET_APPROVED + TARGET_OTHER;
                    long wsId = forTarget ? target : firstOther + (i % OTHERS);
                    String status = forTarget ? (i < TARGET_APPROVED ? "approved" : (i % 2 == 0 ? "pending" : "rejected"))
                            : (i % 3 == 0 ? "approved" : i % 3 == 1 ? "pending" : "rejected");
                    Instant at = now.minusSeconds(i * 60L);
                    b.bind("ws", wsId).bind("status", status).bind("rating", 3 + i % 3)
                            .bind("body", "Testimonial " + i + ": they understood what we needed, delivered on time and "
                                    + "made the whole project feel easy. Our customers noticed the difference at once.")
                            .bind("name", "Client " + i).bind("company", "Company " + (i % 700))
                            .bind("featured", forTarget && i < 3).bind("approved", "approved".equals(status) ? Timestamp.from(at) : null)
                            .bind("created", Timestamp.from(at)).add();
                    if (b.size() == 2000) {
                        b.execute();
                        inserted += 2000;
                        b = h.prepareBatch(sql);
                    }
                }
                if (b.size() > 0) {
                    inserted += b.size();
                    b.execute();
                }
                long count = h.createQuery("SELECT COUNT(*) FROM testimonials").mapTo(Long.class).one();
                long approved = h.createQuery("SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND status = 'approved'")
                        .bind("ws", target).mapTo(Long.class).one();
                System.out.println("seeded " + count + " testimonials (" + inserted + " inserted), bench-wall has " + approved
                        + " approved, workspaces: " + (OTHERS + 1));
            });
        }
    }
}
