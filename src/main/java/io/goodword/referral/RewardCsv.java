package io.goodword.referral;

import io.goodword.web.Localizer;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The rewards ledger as CSV, one row per reward, in the same order as the ledger's ids. */
public final class RewardCsv {
    public static final List<String> HEADER = List.of("id", "created_at", "program", "beneficiary", "recipient",
            "recipient_email", "lead", "type", "amount", "currency", "reward", "status", "held", "note", "approved_at",
            "fulfilled_at", "cancelled_at");

    private RewardCsv() {}

    public static void write(List<Reward> rewards, Localizer t, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
            for (Reward r : rewards) {
                csv.printRecord(r.id(), Fmt.when(r.createdAt()), cell(r.programName()), r.beneficiary().name(),
                        cell(r.recipientName()), cell(r.recipientEmail()), cell(r.leadName()), r.rewardType().name(),
                        amount(r.amount()), r.currency(), cell(r.describe(t)), r.status().name(), r.held(), cell(r.note()),
                        Fmt.when(r.approvedAt()), Fmt.when(r.fulfilledAt()), Fmt.when(r.cancelledAt()));
            }
        }
    }

    static String amount(BigDecimal v) { return v == null ? "" : Rewards.money(v); }

    /** Spreadsheets run cells starting with = + - @ as formulas: such text gets a leading apostrophe. */
    static String cell(String s) {
        if (s == null || s.isEmpty()) return "";
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
