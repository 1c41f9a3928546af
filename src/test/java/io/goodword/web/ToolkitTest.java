package io.goodword.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ToolkitTest {

    @Test
    void a_path_id_is_a_positive_number_and_anything_else_names_no_row() {
        assertThat(Params.parseId("42")).isEqualTo(42);
        assertThat(Params.parseId("0")).isEqualTo(-1);
        assertThat(Params.parseId("-3")).isEqualTo(-1);
        assertThat(Params.parseId("+3")).isEqualTo(-1);
        assertThat(Params.parseId("1e3")).isEqualTo(-1);
        assertThat(Params.parseId("99999999999999999999")).isEqualTo(-1);
        assertThat(Params.parseId("")).isEqualTo(-1);
    }

    @Test
    void times_show_in_the_workspace_zone_and_a_broken_zone_setting_falls_back_to_utc() {
        Instant at = Instant.parse("2026-12-02T14:04:05Z");
        assertThat(Dates.in("Europe/Berlin", "en").when(at)).isEqualTo("2 Dec 2026, 15:04");
        assertThat(Dates.in("Europe/Berlin", "de").when(at)).isEqualTo("2. Dez. 2026, 15:04");
        assertThat(Dates.in("Europe/Berlin", "en").whenSeconds(at)).isEqualTo("2 Dec 2026, 15:04:05");
        assertThat(Dates.in("Europe/Berlin", "de").day(at)).isEqualTo("2. Dez. 2026");
        assertThat(Dates.in("Europe/Berlin", "de").month(java.time.YearMonth.of(2026, 12))).isEqualTo("Dez. 2026");
        assertThat(Dates.in("Europe/Berlin", "en").month(java.time.YearMonth.of(2026, 12))).isEqualTo("Dec 2026");
        assertThat(Dates.in("Mars/Olympus", "en").zone().getId()).isEqualTo("UTC");
        assertThat(Dates.in(null, "en").when(at)).isEqualTo("2 Dec 2026, 14:04");
        assertThat(Dates.in(null, "en").when(null)).isEmpty();
        assertThat(Dates.machine(at)).isEqualTo("2026-12-02 14:04");
        assertThat(Dates.localized(LocalDate.of(2026, 5, 17), Locale.GERMAN)).isEqualTo("17. Mai 2026");
    }

    @Test
    void money_shows_its_currency_in_the_readers_language() {
        assertThat(Money.format(new BigDecimal("3500.5"), "EUR", Locale.ENGLISH)).isEqualTo("€3,500.50");
        assertThat(Money.format(new BigDecimal("3500.5"), "EUR", Locale.GERMAN)).isEqualTo("3.500,50\u00a0€");
        assertThat(Money.format(new BigDecimal("80"), "XYZ1", Locale.ENGLISH)).isEqualTo("XYZ1 80.00");
        assertThat(Money.plain(new BigDecimal("12.5"))).isEqualTo("12.50");
        assertThat(Money.plain(null)).isEmpty();
    }

    @Test
    void a_pager_keeps_the_other_query_parameters_and_knows_when_to_show() {
        Pager p = Pager.counted(2, 45, 20, "/admin/asks?status=sent");
        assertThat(p.pages()).isEqualTo(3);
        assertThat(p.prevUrl()).isEqualTo("/admin/asks?status=sent&page=1");
        assertThat(p.nextUrl()).isEqualTo("/admin/asks?status=sent&page=3");
        assertThat(Pager.counted(1, 5, 20, "").shown()).isFalse();
        assertThat(Pager.open(1, true, "/admin/outbox").nextUrl()).isEqualTo("/admin/outbox?page=2");
        assertThat(Pager.open(1, true, "/admin/outbox").counted()).isFalse();
        assertThat(Pager.counted(1, 50, 20, "").nextUrl()).isEqualTo("?page=2");
        assertThat(Pager.counted(1, 50, 20, "?tag=web").nextUrl()).isEqualTo("?tag=web&page=2");
        assertThat(Pager.param("x")).isEqualTo(1);
        assertThat(Pager.param("-2")).isEqualTo(1);
        assertThat(Pager.param("99999999")).isEqualTo(Pager.MAX_PAGE);
    }
}
