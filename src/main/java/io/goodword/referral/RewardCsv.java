package io.goodword.referral;

import io.goodword.web.Dates;
import io.goodword.web.Localizer;
import io.goodword.web.Money;
import io.goodword.web.csv.CsvWriter;
import java.io.Writer;
import java.util.List;

/** The rewards ledger as CSV, one row per reward, in the same order as the ledger's ids. Times in UTC, for machines. */
public final class RewardCsv {
    public static final List<String> HEADER = List.of("id", "created_at", "program", "beneficiary", "recipient",
            "recipient_email", "lead", "type", "amount", "currency", "reward", "status", "held", "note", "approved_at",
            "fulfilled_at", "cancelled_at");

    private RewardCsv() {}

    public static void write(List<Reward> rewards, Localizer t, Writer out) {
        try (CsvWriter csv = CsvWriter.to(out)) {
            csv.row(HEADER);
            for (Reward r : rewards) {
                csv.row(r.id(), Dates.machine(r.createdAt()), r.programName(), r.beneficiary().name(), r.recipientName(),
                        r.recipientEmail(), r.leadName(), r.rewardType().name(), Money.plain(r.amount()), r.currency(),
                        r.describe(t), r.status().name(), r.held(), r.note(), Dates.machine(r.approvedAt()),
                        Dates.machine(r.fulfilledAt()), Dates.machine(r.cancelledAt()));
            }
        }
    }
}
