package io.goodword.data;

import java.util.Set;

/**
 * Tables whose rows are counted from other tables: never exported, never imported. An import rebuilds them from the
 * rows it brings: the database's triggers keep the hourly counters (V70, V71, V72) as each row is inserted, and the
 * daily ones (V72, V73) from the hourly ones.
 */
final class DerivedTables {
    static final Set<String> ALL = Set.of("testimonial_hours", "referral_hours", "revenue_hours", "ask_sent_hours",
            "ask_answer_hours", "testimonial_utc_days", "referral_utc_days", "revenue_utc_days", "ask_sent_utc_days",
            "ask_answer_utc_days");

    private DerivedTables() {}
}
