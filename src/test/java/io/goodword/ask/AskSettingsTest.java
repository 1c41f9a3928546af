package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AskSettingsTest {
    private final AskSettings defaults = AskSettings.defaults(1);
    private final ZoneId berlin = ZoneId.of("Europe/Berlin");

    @Test
    void a_moment_inside_working_hours_stays_as_it_is() {
        Instant tuesdayMorning = Instant.parse("2025-03-04T09:30:00Z"); // 10:30 in Berlin
        assertThat(defaults.nextWorkingMoment(tuesdayMorning, berlin)).isEqualTo(tuesdayMorning);
    }

    @Test
    void early_morning_waits_for_the_start_of_the_working_day_in_the_workspace_time_zone() {
        Instant early = Instant.parse("2025-03-04T05:00:00Z"); // 06:00 in Berlin
        assertThat(defaults.nextWorkingMoment(early, berlin)).isEqualTo(Instant.parse("2025-03-04T08:00:00Z"));
    }

    @Test
    void friday_evening_moves_to_monday_morning() {
        Instant fridayEvening = Instant.parse("2025-03-07T17:30:00Z"); // 18:30 in Berlin
        assertThat(defaults.nextWorkingMoment(fridayEvening, berlin)).isEqualTo(Instant.parse("2025-03-10T08:00:00Z"));
    }

    @Test
    void saturday_moves_to_monday_and_only_chosen_days_count() {
        AskSettings onlyWednesdays = new AskSettings(1, 24, "3", 10, 12, 90, 3, 7, 2, 30);
        Instant saturday = Instant.parse("2025-03-08T10:00:00Z");
        assertThat(onlyWednesdays.nextWorkingMoment(saturday, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2025-03-12T10:00:00Z"));
    }

    @Test
    void working_hours_until_24_run_to_midnight_and_then_wait_for_the_next_start() {
        AskSettings evenings = new AskSettings(1, 24, "1,2,3,4,5", 18, 24, 90, 3, 7, 2, 30);
        ZoneId utc = ZoneId.of("UTC");
        Instant tuesdayLate = Instant.parse("2025-03-04T23:59:00Z");
        assertThat(evenings.nextWorkingMoment(tuesdayLate, utc)).isEqualTo(tuesdayLate);
        assertThat(evenings.nextWorkingMoment(Instant.parse("2025-03-05T00:00:00Z"), utc))
                .isEqualTo(Instant.parse("2025-03-05T18:00:00Z"));
        assertThat(evenings.nextWorkingMoment(Instant.parse("2025-03-07T23:59:59Z").plusSeconds(1), utc)) // Friday ends
                .isEqualTo(Instant.parse("2025-03-10T18:00:00Z"));
        // the night the clocks go forward in Berlin (30 March 2025) still ends at midnight
        AskSettings everyDay = new AskSettings(1, 24, "1,2,3,4,5,6,7", 9, 24, 90, 3, 7, 2, 30);
        assertThat(everyDay.nextWorkingMoment(Instant.parse("2025-03-29T22:30:00Z"), berlin)) // 23:30 in Berlin
                .isEqualTo(Instant.parse("2025-03-29T22:30:00Z"));
        assertThat(everyDay.nextWorkingMoment(Instant.parse("2025-03-29T23:00:00Z"), berlin)) // midnight
                .isEqualTo(Instant.parse("2025-03-30T07:00:00Z")); // 09:00 CEST
    }

    @Test
    void working_days_are_read_and_written_as_iso_numbers() {
        assertThat(AskSettings.daysText(defaults.days())).isEqualTo("1,2,3,4,5");
    }

    @Test
    void with_a_delay_band_each_check_in_draws_its_delay_within_the_band_from_the_seeded_generator() {
        AskSettings band = new AskSettingsForm("24", java.util.EnumSet.of(java.time.DayOfWeek.MONDAY), "9", "17", "90", "3", "7",
                "2", "30", "1", "14").toSettings(1);
        assertThat(band.banded()).isTrue();
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        java.util.Random seeded = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) seen.add(band.delay(seeded).toHours());
        assertThat(seen).first().isEqualTo(24L);
        assertThat(seen).last().isEqualTo(336L);
        assertThat(seen).hasSize(336 - 24 + 1); // every hour of the band is tried, none outside it
        java.util.Random a = new java.util.Random(7);
        java.util.Random b = new java.util.Random(7);
        assertThat(band.delay(a)).isEqualTo(band.delay(b)); // the same seed replays the same delays
        assertThat(defaults.delay(new java.util.Random(1)).toHours()).isEqualTo(24); // no band: the fixed delay
        assertThat(AskSettingsForm.of(band).bandFromDays()).isEqualTo("1");
        assertThat(AskSettingsForm.of(band).bandToDays()).isEqualTo("14");
    }

    @Test
    void a_delay_band_needs_both_ends_in_order_within_60_days() {
        java.util.Set<java.time.DayOfWeek> mon = java.util.EnumSet.of(java.time.DayOfWeek.MONDAY);
        assertThat(new AskSettingsForm("24", mon, "9", "17", "90", "3", "7", "2", "30", "", "").validate().isEmpty()).isTrue();
        assertThat(new AskSettingsForm("24", mon, "9", "17", "90", "3", "7", "2", "30", "7", "").validate().get("bandToDays").key())
                .isEqualTo("error.required");
        assertThat(new AskSettingsForm("24", mon, "9", "17", "90", "3", "7", "2", "30", "14", "2").validate().get("bandToDays").key())
                .isEqualTo("growth.error.bandOrder");
        assertThat(new AskSettingsForm("24", mon, "9", "17", "90", "3", "7", "2", "30", "1", "90").validate().has("bandToDays")).isTrue();
    }
}
