package io.goodword.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A piece of work for a client. */
public record Project(long id, long workspaceId, long clientId, String title, Long valueCents, String currency,
                      LocalDate startDate, LocalDate endDate, String status, Instant completedAt, Instant createdAt) {

    public ProjectStatus statusEnum() { return ProjectStatus.parse(status); }

    /** "1200.50 EUR", or "" without a value. */
    public String valueText() {
        return valueCents == null ? "" : BigDecimal.valueOf(valueCents, 2).toPlainString() + " " + currency;
    }
}
