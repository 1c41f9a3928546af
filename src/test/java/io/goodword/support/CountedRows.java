package io.goodword.support;

import io.goodword.client.ClientDao;
import io.goodword.referral.ReferralCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;

/**
 * One workspace's rows of every kind the dashboard's testimonial, revenue and referral counters count (V70, V71,
 * V73), in every state, at random seconds of a span of days: for the tests that compare those counters with the rows.
 * {@code n} ambassadors, each with one link of one program; 4n testimonials, 3n projects, 5n visits, about 2.7n leads
 * (referred ones by the first six ambassadors, so the top ambassadors have groups).
 */
public final class CountedRows {
    public record Seeded(long program, List<Long> ambassadors) {}

    private CountedRows() {}

    public static Seeded seed(Handle h, long ws, int n, Random random, Instant start, int days) {
        long program = h.createUpdate("""
                INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type, status)
                VALUES (?, 'Friends', '', '', 'cash', 'active')""").bind(0, ws)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        List<Long> ambassadors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ambassadors.add(h.attach(ClientDao.class).insert(ws, "Ambassador " + i, null, "", "", "", null, "en"));
        }
        for (int i = 0; i < 4 * n; i++) {
            Instant created = at(random, start, days);
            boolean approved = random.nextInt(3) > 0;
            h.execute("""
                    INSERT INTO testimonials (workspace_id, status, rating, body, name, created_at, approved_at)
                    VALUES (?, ?, ?, 'Good work', 'Someone', ?, ?)""", ws, approved ? "approved" : "pending",
                    1 + random.nextInt(5), created, approved ? created.plusSeconds(random.nextInt(200_000)) : null);
        }
        for (int i = 0; i < 3 * n; i++) {
            h.execute("""
                    INSERT INTO projects (workspace_id, client_id, title, value_cents, currency, status, created_at,
                                          origin, referrer_client_id)
                    VALUES (?, ?, 'Job', ?, ?, 'active', ?, ?, ?)""", ws, ambassadors.get(i % n),
                    random.nextInt(5) == 0 ? null : 1_000L * (1 + random.nextInt(50)), random.nextInt(3) == 0 ? "USD" : "EUR",
                    at(random, start, days), List.of("referred", "repeat", "direct").get(random.nextInt(3)),
                    ambassadors.get((i + 1) % n));
        }
        List<Long> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant created = at(random, start, days);
            links.add(h.createUpdate("""
                    INSERT INTO referral_links (workspace_id, program_id, client_id, code, created_at, used_at)
                    VALUES (?, ?, ?, ?, ?, ?)""").bind(0, ws).bind(1, program).bind(2, ambassadors.get(i))
                    .bind(3, ReferralCodes.next()).bind(4, created)
                    .bind(5, random.nextBoolean() ? created.plusSeconds(random.nextInt(90_000)) : null)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }
        for (int i = 0; i < 5 * n; i++) {
            h.execute("INSERT INTO referral_visits (workspace_id, link_id, visited_at) VALUES (?, ?, ?)", ws,
                    links.get(random.nextInt(links.size())), at(random, start, days));
        }
        for (int i = 0; i < 8 * n / 3; i++) {
            Instant created = at(random, start, days);
            int stage = random.nextInt(4);
            boolean referred = random.nextInt(5) > 0;
            h.execute("""
                    INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name,
                                                email, message, consent, status, created_at, qualified_at, won_at)
                    VALUES (?, ?, ?, ?, ?, 'Friend', 'friend@example.com', '', TRUE, ?, ?, ?, ?)""",
                    ws, program, referred ? links.get(i % links.size()) : null, referred ? ambassadors.get(i % 6) : null,
                    referred ? "link" : "contact", List.of("new", "qualified", "won", "lost").get(stage), created,
                    stage == 1 || stage == 2 ? created.plusSeconds(3_600) : null, stage == 2 ? created.plusSeconds(7_200) : null);
        }
        return new Seeded(program, ambassadors);
    }

    /** A random moment in the days from start, to the second (so rows fall on every part of an hour). */
    public static Instant at(Random random, Instant start, int days) {
        return start.plusSeconds(random.nextInt(days * 86_400));
    }
}
