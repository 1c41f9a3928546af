package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic and the period rules of the dashboard, without a database. */
class DashboardFiguresTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void ten_promoters_three_passives_two_detractors_make_an_nps_of_53() {
        assertThat(Format.nps(new AskFiguresDao.Nps(10, 3, 2))).isEqualTo(53);
        assertThat(Format.nps(new AskFiguresDao.Nps(0, 1, 3))).isEqualTo(-75);
        assertThat(Format.nps(new AskFiguresDao.Nps(0, 0, 0))).isNull();
    }

    @Test
    void rates_round_to_whole_percent_and_have_no_value_without_a_base() {
        assertThat(Format.rate(2, 3)).isEqualTo(67);
        assertThat(Format.rate(0, 0)).isNull();
        assertThat(Format.percent(null, Locale.ENGLISH)).isEqualTo("–");
        // the reader's way: English writes the sign close, German and French after a no-break space
        assertThat(Format.percent(67, Locale.ENGLISH)).isEqualTo("67%");
        assertThat(Format.percent(67, Locale.GERMAN)).isEqualTo("67\u00a0%");
        assertThat(Format.percent(67, Locale.FRENCH)).matches("67[\u00a0\u202f]%");
    }

    @Test
    void a_period_starts_and_ends_at_the_workspaces_midnights_across_a_dst_change() {
        Period p = Period.lastDays(30, LocalDate.of(2026, 4, 10), BERLIN);
        assertThat(p.first()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(p.from()).isEqualTo(Instant.parse("2026-03-11T23:00:00Z")); // CET
        assertThat(p.to()).isEqualTo(Instant.parse("2026-04-10T22:00:00Z"));   // CEST
        Period before = p.previous();
        assertThat(before.last()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(before.days()).isEqualTo(30);
        assertThat(before.to()).isEqualTo(p.from());
    }

    @Test
    void a_custom_range_must_be_two_dates_in_order_and_at_most_three_years() {
        assertThat(new DashboardQuery("custom", "2026-01-01", "2026-01-31").validate().isEmpty()).isTrue();
        assertThat(new DashboardQuery("custom", "2026-02-01", "2026-01-31").validate().get("to").key()).isEqualTo("growth.error.order");
        assertThat(new DashboardQuery("custom", "31.01.2026", "").validate().all()).containsOnlyKeys("from", "to");
        assertThat(new DashboardQuery("custom", "2020-01-01", "2026-01-01").validate().get("to").key()).isEqualTo("growth.error.tooLong");
        assertThat(new DashboardQuery("7", "", "").validate().has("period")).isTrue();
        Period p = new DashboardQuery("90", "", "").period(LocalDate.of(2026, 6, 15), BERLIN);
        assertThat(p.days()).isEqualTo(90);
    }

    @Test
    void a_chart_draws_no_bar_for_a_missing_value_but_lists_it_in_its_table() {
        Chart c = Chart.grouped("x", "T", "D", List.of("a", "b"), List.of("s"), new Double[][] {{50.0}, {null}},
                new String[][] {{"50"}, {"–"}}, -100, 100, List.of("g", "v"));
        assertThat(c.bars()).hasSize(1);
        assertThat(c.baseline()).isEqualTo(124.0); // top margin 24 + half of the 200 px plot
        assertThat(c.bars().get(0).y() + c.bars().get(0).h()).isEqualTo(c.baseline());
        assertThat(c.table().rows()).containsExactly(List.of("a", "50"), List.of("b", "–"));
    }

    @Test
    void a_card_shows_the_change_against_the_previous_period() {
        Card up = Card.of("sent", "k", 20, 4, "20", "4", "", Locale.ENGLISH);
        assertThat(up.change()).isEqualTo("+16");
        assertThat(up.trendClass()).isEqualTo("trend-up");
        assertThat(Card.of("r", "k", 40, 75, "40%", "75%", " pp", Locale.ENGLISH).change()).isEqualTo("−35 pp");
        assertThat(Map.of("same", Card.of("n", "k", 3, 3, "3", "3", "", Locale.ENGLISH).trend())).containsValue(Card.Trend.SAME);
    }

    @Test
    void money_is_shown_in_its_own_currency_in_the_workspace_locale_and_never_summed_across_currencies() {
        assertThat(Format.money(new java.math.BigDecimal("3500.5"), "EUR", Locale.ENGLISH)).isEqualTo("€3,500.50");
        assertThat(Format.money(new java.math.BigDecimal("3500.5"), "EUR", java.util.Locale.GERMAN)).isEqualTo("3.500,50\u00a0€");
        assertThat(Format.money(new java.math.BigDecimal("80"), "JPY", Locale.ENGLISH)).isEqualTo("¥80");
        DashboardMoney m = new DashboardMoney("EUR", Locale.ENGLISH);
        Card c = m.card("owed", "k", Map.of("USD", new java.math.BigDecimal("20"), "EUR", new java.math.BigDecimal("75")),
                Map.of("EUR", new java.math.BigDecimal("75")));
        assertThat(c.value()).isEqualTo("€75.00 · $20.00");
        assertThat(c.previous()).isEqualTo("€75.00");
        assertThat(c.change()).isEqualTo("+$20.00");
        assertThat(m.card("paid", "k", Map.of(), Map.of()).value()).isEqualTo("€0.00");
    }

    @Test
    void the_wilson_interval_is_honest_for_small_counts_and_stays_within_0_and_100_percent() {
        assertThat(Format.wilson(10, 10).text(Locale.ENGLISH)).isEqualTo("72–100%");
        assertThat(Format.wilson(5, 10).text(Locale.ENGLISH)).isEqualTo("24–76%");
        assertThat(Format.wilson(0, 20).text(Locale.ENGLISH)).isEqualTo("0–16%");
        assertThat(Format.wilson(5, 10).text(Locale.GERMAN)).isEqualTo("24–76\u00a0%");
        assertThat(Format.wilson(0, 0)).isNull();
    }

    @Test
    void a_delay_is_suggested_only_with_enough_answers_and_an_interval_clear_of_every_other_delay() {
        io.goodword.web.Localizer t = io.goodword.web.I18n.load().localizer("en");
        // 40 of 50 answered after 2-3 days (72-88 %) against 10 of 50 after 8-14 days (11-33 %): clear.
        List<AskFiguresDao.DelayBucket> clear = List.of(new AskFiguresDao.DelayBucket(0, 0, 0, 0), new AskFiguresDao.DelayBucket(1, 50, 40, 30),
                new AskFiguresDao.DelayBucket(2, 3, 3, 3), new AskFiguresDao.DelayBucket(3, 50, 10, 2));
        WhenToAsk.Suggestion s = WhenToAsk.suggestion(clear, t, 24);
        assertThat(s.ready()).isTrue();
        assertThat(s.hours()).isEqualTo(48); // the 3 of 3 after 4-7 days are too few sends to weigh
        assertThat(s.rate()).isEqualTo("80%");
        assertThat(s.interval()).isEqualTo("67–89%");
        // 20 of 30 against 16 of 30: more than 30 answers, but the intervals overlap, so nothing is suggested.
        WhenToAsk.Suggestion overlap = WhenToAsk.suggestion(List.of(new AskFiguresDao.DelayBucket(0, 30, 20, 5),
                new AskFiguresDao.DelayBucket(1, 30, 16, 5)), t, 24);
        assertThat(overlap.ready()).isFalse();
        assertThat(overlap.overlapping()).isTrue();
        assertThat(overlap.answers()).isEqualTo(36);
        // Too few answers in all.
        WhenToAsk.Suggestion few = WhenToAsk.suggestion(List.of(new AskFiguresDao.DelayBucket(0, 20, 20, 20),
                new AskFiguresDao.DelayBucket(3, 20, 0, 0)), t, 24);
        assertThat(few.ready()).isFalse();
        assertThat(few.overlapping()).isFalse();
    }
}
