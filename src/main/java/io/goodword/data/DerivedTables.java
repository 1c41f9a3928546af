package io.goodword.data;

import io.goodword.ask.AskTallies;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tables whose rows are counted from other tables: never exported, never imported. An import rebuilds them from the
 * rows it brings: the database's triggers keep the hourly growth counters (V70, V71), and the check-in counters are
 * recounted on the next dashboard view ({@link AskTallies#forget}).
 */
final class DerivedTables {
    static final Set<String> ALL = Stream.concat(AskTallies.TABLES.stream(),
            Stream.of("testimonial_hours", "referral_hours", "revenue_hours")).collect(Collectors.toUnmodifiableSet());

    private DerivedTables() {}
}
