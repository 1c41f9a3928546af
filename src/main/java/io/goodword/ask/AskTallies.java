package io.goodword.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Keeps the daily counters of check-ins (V68) true, so the dashboard adds up days instead of scanning check-ins.
 *
 * <p>Every change of a check-in that the dashboard counts (sent, opened, answered, gave a testimonial) goes through
 * {@link #change}, which adds the difference that change made, in the caller's transaction. A workspace whose counters
 * were never built, or were built for another time zone, is recounted from asks by {@link #ready} before it is read.
 *
 * <p>Locking: a change shares the workspace's {@code ask_tallies} row before it touches the check-in, a recount takes
 * that row exclusively and reads asks as committed; so each change is either in the recount or added after it, never
 * both, never neither. The check-in row stays locked from before the change until commit, so the difference is the
 * change's own.
 */
public final class AskTallies {
    /**
     * The counters' tables: derived from asks, so a workspace export leaves them out and an import, which brings
     * check-ins, clears them with {@link #forget} (the next view recounts).
     */
    public static final Set<String> TABLES = Set.of("ask_tallies", "ask_sent_days", "ask_answer_days");
    private final Jdbi jdbi;

    public AskTallies(Jdbi jdbi) { this.jdbi = jdbi; }

    /** Runs {@code update} (one UPDATE of check-in {@code askId}) and adds what it changed to the counters. */
    public static int change(Handle h, long ws, long askId, ToIntFunction<AskDao> update) {
        AskTallyDao tallies = h.attach(AskTallyDao.class);
        String zone = tallies.zoneShared(ws).orElseGet(() -> {
            tallies.ensureRow(ws); // a row to lock: without one, a recount could start unseen in the meantime
            return tallies.zoneShared(ws).orElseThrow();
        });
        AskTallyDao.Facts before = zone.isEmpty() ? null : tallies.facts(ws, askId).orElse(null);
        int n = update.applyAsInt(h.attach(AskDao.class));
        if (n == 0 || before == null) return n;
        AskTallyDao.Facts after = tallies.facts(ws, askId).orElseThrow();
        ZoneId z = ZoneId.of(zone);
        Map<SentDay, int[]> sent = new HashMap<>();
        Map<LocalDate, int[]> answers = new HashMap<>();
        add(before, -1, z, sent, answers);
        add(after, 1, z, sent, answers);
        sent.forEach((k, v) -> {
            if (!allZero(v)) tallies.addSent(ws, k.day(), k.bucket(), v[0], v[1], v[2], v[3], v[4]);
        });
        answers.forEach((day, v) -> {
            if (!allZero(v)) tallies.addAnswer(ws, day, v[0], v[1], v[2]);
        });
        return n;
    }

    /** A row of ask_sent_days: the day a check-in was sent and its delay bucket. */
    private record SentDay(LocalDate day, int bucket) {}

    /** What one check-in counts for, times {@code sign}: in its sending day's cohort, and on the day of its score. */
    private static void add(AskTallyDao.Facts f, int sign, ZoneId zone, Map<SentDay, int[]> sent,
                            Map<LocalDate, int[]> answers) {
        boolean answered = f.answeredAt() != null;
        if (f.sentAt() != null) {
            int[] v = sent.computeIfAbsent(new SentDay(day(f.sentAt(), zone), f.bucket()), k -> new int[5]);
            v[0] += sign;
            v[1] += f.opened() || answered ? sign : 0;
            v[2] += answered ? sign : 0;
            v[3] += answered && f.score() != null && f.score() >= 9 ? sign : 0;
            v[4] += answered && f.gaveTestimonial() ? sign : 0;
        }
        if (answered && f.score() != null) {
            int[] v = answers.computeIfAbsent(day(f.answeredAt(), zone), k -> new int[3]);
            int s = f.score();
            v[s >= 9 ? 0 : s >= 7 ? 1 : 2] += sign;
        }
    }

    private static LocalDate day(Instant at, ZoneId zone) { return at.atZone(zone).toLocalDate(); }

    private static boolean allZero(int[] v) {
        for (int x : v) if (x != 0) return false;
        return true;
    }

    /** Drops the workspace's counters (after its check-ins changed wholesale): its next view recounts them. */
    public static void forget(Handle h, long ws) {
        h.attach(AskTallyDao.class).forget(ws);
    }

    /** Makes sure the workspace's counters exist and are by its days in {@code zone}; recounts them if not. */
    public void ready(long ws, ZoneId zone) {
        if (zone.getId().equals(jdbi.withExtension(AskTallyDao.class, d -> d.zone(ws)).orElse(""))) return;
        jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED, h -> recount(h.attach(AskTallyDao.class), ws, zone));
    }

    private static void recount(AskTallyDao tallies, long ws, ZoneId zone) {
        String built = tallies.zoneExclusive(ws).orElseGet(() -> {
            tallies.ensureRow(ws);
            return tallies.zoneExclusive(ws).orElseThrow();
        });
        if (built.equals(zone.getId())) return; // another view recounted meanwhile
        tallies.clearSent(ws);
        tallies.clearAnswers(ws);
        ZoneRules rules = zone.getRules();
        AskTallyDao.Span sent = tallies.sentSpan(ws);
        forEachOffset(rules, sent, (from, to, offset) -> tallies.countSent(ws, from, to, offset));
        AskTallyDao.Span answered = tallies.answeredSpan(ws);
        forEachOffset(rules, answered, (from, to, offset) -> tallies.countAnswers(ws, from, to, offset));
        tallies.built(ws, zone.getId());
    }

    private static final Duration STRETCH = Duration.ofDays(31);

    private interface Stretch { void count(Instant from, Instant to, int offsetSeconds); }

    /**
     * Cuts [first, last] where the zone's offset from UTC changes (DST), so each stretch has one offset, and into
     * stretches of at most {@link #STRETCH}, so no statement of a recount nears the pool's statement timeout.
     */
    private static void forEachOffset(ZoneRules rules, AskTallyDao.Span span, Stretch stretch) {
        if (span == null || span.first() == null) return;
        Instant end = span.last().plusSeconds(1);
        Instant from = span.first();
        while (from.isBefore(end)) {
            ZoneOffsetTransition next = rules.nextTransition(from);
            Instant to = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            if (to.isAfter(from.plus(STRETCH))) to = from.plus(STRETCH);
            stretch.count(from, to, rules.getOffset(from).getTotalSeconds());
            from = to;
        }
    }
}
