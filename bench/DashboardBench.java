import io.goodword.db.Database;
import io.goodword.db.EmbeddedMariaDb;
import io.goodword.growth.AskFiguresDao;
import io.goodword.growth.Dashboard;
import io.goodword.growth.DashboardSource;
import io.goodword.growth.GrowthDao;
import io.goodword.growth.Period;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Benchmark (not a test): the dashboard of one workspace with 100,000 clients and more than a million events
 * (check-ins, testimonials, referral links, visits, leads, rewards), plus a second workspace of the same size so every
 * query has to rely on its workspace index. Prints the time of all the dashboard's SQL for each period.
 * Run with bench/dashboard.sh.
 */
public final class DashboardBench {
    static final int CLIENTS = 100_000;

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : "target/bench-mariadb").toAbsolutePath();
        EmbeddedMariaDb server = EmbeddedMariaDb.start(home);
        try (Database db = Database.connect(server)) {
            Jdbi jdbi = db.jdbi();
            Instant now = Instant.parse("2026-06-15T10:00:00Z");
            long ws = jdbi.withHandle(h -> h.createQuery("SELECT id FROM workspaces WHERE slug = 'bench-a'").mapTo(Long.class).findOne().orElse(0L));
            if (ws == 0) {
                long t0 = System.nanoTime();
                // The portal's pool gives up on a statement after 4 s (Database.SOCKET_TIMEOUT); a seed statement
                // inserts up to 600,000 rows, so seeding goes through its own connection without that limit.
                String url = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "socketTimeout=0";
                Jdbi seeding = Jdbi.create(url, server.user(), server.password());
                seeding.useHandle(h -> h.execute("SET time_zone = '+00:00'"));
                ws = seed(seeding, "bench-a");
                seed(seeding, "bench-b");
                System.out.printf("seeded two workspaces in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            long workspace = ws;
            long events = jdbi.withHandle(h -> h.createQuery("""
                    SELECT (SELECT COUNT(*) FROM asks WHERE workspace_id = :ws) + (SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws)
                         + (SELECT COUNT(*) FROM referral_links WHERE workspace_id = :ws) + (SELECT COUNT(*) FROM referral_visits WHERE workspace_id = :ws)
                         + (SELECT COUNT(*) FROM referral_leads WHERE workspace_id = :ws) + (SELECT COUNT(*) FROM referral_rewards WHERE workspace_id = :ws)""")
                    .bind("ws", workspace).mapTo(Long.class).one());
            long clients = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM clients WHERE workspace_id = ?").bind(0, workspace).mapTo(Long.class).one());
            DashboardSource dashboard = new DashboardSource(jdbi);
            Localizer t = I18n.load().localizer("en");
            ZoneId zone = ZoneId.of("Europe/Berlin");
            System.out.printf("workspace: %,d clients, %,d events%n", clients, events);
            GrowthDao dao = jdbi.onDemand(GrowthDao.class);
            AskFiguresDao askFigures = jdbi.onDemand(AskFiguresDao.class);
            System.out.println("each statement, last 30 / 90 / 365 days:");
            Period month = Period.lastDays(30, LocalDate.of(2026, 6, 15), zone);
            Period quarter = Period.lastDays(90, LocalDate.of(2026, 6, 15), zone);
            Period year = Period.lastDays(365, LocalDate.of(2026, 6, 15), zone);
            for (Period y : List.of(month, quarter, year)) {
                String label = y.days() + " days";
                time(label, "asks", () -> askFigures.asks(workspace, y));
                time(label, "nps", () -> askFigures.nps(workspace, y));
                // the trend: the NPS of each of the 12 months up to the period's last, a statement each on one handle
                time(label, "npsTrend (12)", () -> jdbi.useExtension(AskFiguresDao.class, d -> {
                    for (int i = 0; i < 12; i++) {
                        YearMonth m = YearMonth.from(y.last()).minusMonths(i);
                        d.nps(workspace, new Period(m.atDay(1), m.atEndOfMonth(), y.zone()));
                    }
                }));
                time(label, "testimonials", () -> dao.testimonials(workspace, y));
                time(label, "referrals", () -> dao.referrals(workspace, y));
                time(label, "deals", () -> dao.deals(workspace, y.from(), y.to()));
                time(label, "rewardsOwed", () -> dao.rewardsOwed(workspace, y.from(), y.to()));
                time(label, "rewardsPaid", () -> dao.rewardsPaid(workspace, y.from(), y.to()));
                time(label, "revenue", () -> dao.revenue(workspace, y));
                time(label, "clients", () -> dao.clients(workspace, y.from(), y.to()));
                time(label, "perAmbassador", () -> dao.revenuePerAmbassador(workspace, y.from(), y.to(), 50));
                time(label, "topAmbassadors", () -> dao.topAmbassadors(workspace, y.from(), y.to(), 5));
            }
            time("731 days", "answersByDelay", () -> askFigures.answersByDelay(workspace,
                    new Period(year.last().minusDays(730), year.last(), zone)));
            for (int days : new int[] {30, 90, 365}) {
                Period p = Period.lastDays(days, LocalDate.of(2026, 6, 15), zone);
                dashboard.figures(workspace, p, t, 24, now); // warm-up
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    long s = System.nanoTime();
                    Dashboard.Figures f = dashboard.figures(workspace, p, t, 24, now);
                    ms.add((System.nanoTime() - s) / 1e6);
                    if (f.asking().isEmpty()) throw new IllegalStateException();
                }
                Collections.sort(ms);
                System.out.printf("dashboard, last %3d days: median %.0f ms, max %.0f ms (all figures, charts and when-to-ask)%n",
                        days, ms.get(ms.size() / 2), ms.get(ms.size() - 1));
            }
        }
    }

    /** The median of 5 runs after 2 to warm up. */
    private static void time(String period, String what, Runnable r) {
        r.run();
        r.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            r.run();
            ms.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("  %-15s %6.1f ms (%s)%n", what, ms.get(2), period);
    }

    /** Fills one workspace with generated rows, set-based (MariaDB's seq_ tables), over the 400 days before 2026-06-15. */
    static long seed(Jdbi jdbi, String slug) {
        return jdbi.withHandle(h -> {
            long ws = h.createUpdate("INSERT INTO workspaces (slug, display_name, bio, time_zone) VALUES (?, ?, '', 'Europe/Berlin')")
                    .bind(0, slug).bind(1, slug).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            String start = "'2025-05-11 00:00:00'";
            run(h, "INSERT INTO clients (workspace_id, name, email, created_at) SELECT " + ws
                    + ", CONCAT('Client ', seq), CONCAT('c', seq, '@" + slug + ".example'), " + start + " FROM seq_1_to_" + CLIENTS);
            long firstClient = h.createQuery("SELECT MIN(id) FROM clients WHERE workspace_id = ?").bind(0, ws).mapTo(Long.class).one();
            // One project per client, booked 30 days before completion; 1 in 9 in USD; 20 % referred by one of the
            // ambassadors below, 30 % repeat, the rest direct.
            run(h, "INSERT INTO projects (workspace_id, client_id, title, value_cents, currency, status, completed_at, created_at, "
                    + "origin, referrer_client_id) SELECT " + ws + ", " + firstClient + " + seq, 'Project', 100000 + (seq % 50) * 1000, "
                    + "IF(seq % 9 = 0, 'USD', 'EUR'), 'completed', " + start + " + INTERVAL (seq * 345) SECOND, "
                    + start + " + INTERVAL (seq * 345) SECOND - INTERVAL 30 DAY, ELT(1 + seq % 10, 'referred', 'referred', 'repeat', "
                    + "'repeat', 'repeat', 'direct', 'direct', 'direct', 'direct', 'direct'), IF(seq % 10 < 2, " + firstClient
                    + " + (seq % 20000) * 5, NULL) FROM seq_0_to_" + (CLIENTS - 1));
            long firstProject = h.createQuery("SELECT MIN(id) FROM projects WHERE workspace_id = ?").bind(0, ws).mapTo(Long.class).one();
            // 6 check-ins per client = 600,000; sent 1-30 days after completion, 70% opened, 50% answered.
            // Each keeps its delay (whole days, so every "when to ask" bucket fills); a third of the answers gave a testimonial.
            run(h, "INSERT INTO asks (workspace_id, client_id, project_id, reason, status, open_slot, score, scheduled_for, sent_at, "
                    + "opened_at, answered_at, created_at, delay_hours, completed_steps, gave_testimonial) SELECT " + ws + ", " + firstClient + " + c.seq, " + firstProject + " + c.seq, "
                    + "'project', IF(n.seq % 2 = 0, 'answered', 'expired'), NULL, IF(n.seq % 2 = 0, (c.seq + n.seq) % 11, NULL), "
                    + "p.completed_at + INTERVAL (1 + (c.seq + n.seq) % 30) DAY, p.completed_at + INTERVAL (1 + (c.seq + n.seq) % 30) DAY, "
                    + "IF((c.seq + n.seq) % 10 < 7, p.completed_at + INTERVAL (1 + (c.seq + n.seq) % 30) DAY + INTERVAL 1 HOUR, NULL), "
                    + "IF(n.seq % 2 = 0, p.completed_at + INTERVAL (1 + (c.seq + n.seq) % 30) DAY + INTERVAL 2 HOUR, NULL), p.completed_at, "
                    + "24 * (1 + (c.seq + n.seq) % 30), IF(n.seq % 2 = 0, IF(c.seq % 3 = 0, 'score,thanks,testimonial', 'score,thanks'), ''), "
                    + "n.seq % 2 = 0 AND c.seq % 3 = 0 "
                    + "FROM seq_0_to_" + (CLIENTS - 1) + " c JOIN seq_0_to_5 n JOIN projects p ON p.id = " + firstProject + " + c.seq");
            run(h, "INSERT INTO testimonials (workspace_id, client_id, status, rating, body, name, created_at, approved_at) SELECT "
                    + ws + ", " + firstClient + " + seq, IF(seq % 3 = 0, 'pending', 'approved'), 1 + seq % 5, 'Great work', 'Someone', "
                    + start + " + INTERVAL (seq * 345) SECOND, IF(seq % 3 = 0, NULL, " + start + " + INTERVAL (seq * 345 + 3600) SECOND) "
                    + "FROM seq_0_to_" + (CLIENTS - 1));
            long program = h.createUpdate("INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type) "
                    + "VALUES (?, 'Friends', '', '', 'CASH')").bind(0, ws).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // Three in four links were used (sent, copied or visited) an hour after they were first shown.
            run(h, "INSERT INTO referral_links (workspace_id, program_id, client_id, code, created_at, used_at) SELECT " + ws + ", " + program
                    + ", " + firstClient + " + seq * 5, CONCAT('" + slug.substring(slug.length() - 1).toUpperCase() + "', LPAD(seq, 7, '0')), "
                    + start + " + INTERVAL (seq * 1725) SECOND, IF(seq % 4 = 3, NULL, " + start + " + INTERVAL (seq * 1725 + 3600) SECOND) "
                    + "FROM seq_0_to_19999");
            long firstLink = h.createQuery("SELECT MIN(id) FROM referral_links WHERE workspace_id = ?").bind(0, ws).mapTo(Long.class).one();
            run(h, "INSERT INTO referral_visits (workspace_id, link_id, visited_at) SELECT " + ws + ", " + firstLink + " + seq % 20000, "
                    + start + " + INTERVAL (seq * 172) SECOND FROM seq_0_to_209999");
            run(h, "INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name, email, message, consent, "
                    + "status, deal_value, deal_currency, created_at, qualified_at, won_at) SELECT " + ws + ", " + program + ", "
                    + "IF(seq % 6 = 5, NULL, " + firstLink + " + seq % 20000), IF(seq % 6 = 5, NULL, " + firstClient + " + (seq % 20000) * 5), "
                    + "IF(seq % 6 = 5, 'CONTACT', 'LINK'), 'Friend', CONCAT('f', seq, '@example.com'), '', TRUE, "
                    + "ELT(1 + seq % 5, 'NEW', 'CONTACTED', 'QUALIFIED', 'WON', 'LOST'), IF(seq % 5 = 3, 1000 + seq % 900, NULL), "
                    + "IF(seq % 5 = 3, IF(seq % 7 = 0, 'USD', 'EUR'), ''), "
                    + start + " + INTERVAL (seq * 575) SECOND, IF(seq % 5 IN (2, 3), " + start + " + INTERVAL (seq * 575 + 86400) SECOND, NULL), "
                    + "IF(seq % 5 = 3, " + start + " + INTERVAL (seq * 575 + 172800) SECOND, NULL) FROM seq_0_to_59999");
            long firstLead = h.createQuery("SELECT MIN(id) FROM referral_leads WHERE workspace_id = ?").bind(0, ws).mapTo(Long.class).one();
            run(h, "INSERT INTO referral_rewards (workspace_id, program_id, lead_id, beneficiary, recipient_name, reward_type, amount, "
                    + "currency, status, created_at, fulfilled_at) SELECT " + ws + ", " + program + ", " + firstLead + " + seq * 5 + 3, 'REFERRER', "
                    + "'Someone', IF(seq % 4 = 0, 'PERCENT', 'CASH'), IF(seq % 4 = 0, 10, 50), IF(seq % 4 = 0, '', IF(seq % 3 = 0, 'USD', 'EUR')), "
                    + "IF(seq % 2 = 0, 'FULFILLED', 'PENDING'), " + start + " + INTERVAL (seq * 2875) SECOND, "
                    + "IF(seq % 2 = 0, " + start + " + INTERVAL (seq * 2875 + 86400) SECOND, NULL) FROM seq_0_to_11999");
            run(h, "ANALYZE TABLE clients, projects, asks, testimonials, referral_links, referral_visits, referral_leads, referral_rewards");
            return ws;
        });
    }

    private static void run(Handle h, String sql) {
        long t0 = System.nanoTime();
        if (sql.startsWith("ANALYZE")) h.createQuery(sql).mapToMap().list();
        else h.execute(sql);
        System.out.printf("  %.1f s  %s%n", (System.nanoTime() - t0) / 1e9, sql.substring(0, Math.min(70, sql.length())));
    }
}
