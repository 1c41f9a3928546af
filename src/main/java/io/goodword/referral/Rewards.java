package io.goodword.referral;

import io.goodword.db.LowerCaseEnums;
import io.goodword.web.Localizer;
import io.goodword.web.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formatting of reward values, shared by pages, emails and the CSV export. */
final class Rewards {
    private Rewards() {}

    static String describe(Localizer t, Program.RewardType type, BigDecimal amount, String currency, String text) {
        if (type == null || type == Program.RewardType.NONE) return "";
        String a = amount == null ? "" : plain(amount);
        String money = amount == null ? "" : (currency == null ? "" : currency + " ") + money(amount);
        return switch (type) {
            case PERCENT -> t.text("referral.reward.describe.PERCENT", a);
            case DEAL_PERCENT -> t.text("referral.reward.describe.DEAL_PERCENT", a);
            case CREDIT -> t.text("referral.reward.describe.CREDIT", money);
            case CASH -> t.text("referral.reward.describe.CASH", money);
            case GIFT -> t.text("referral.reward.describe.GIFT", text);
            case DONATION -> amount == null ? t.text("referral.reward.describe.DONATION", text)
                    : t.text("referral.reward.describe.DONATION_AMOUNT", money, text);
            case TEXT -> text;
            case NONE -> "";
        };
    }

    /**
     * The forms in a comma list that a referrer may choose between, in their fixed order, each once. The list is
     * read in any case: stored lists are lower case (LowerCaseEnums), form fields carry the enum names.
     */
    static java.util.List<Program.RewardType> choices(String csv) {
        if (csv == null || csv.isBlank()) return java.util.List.of();
        java.util.Set<Program.RewardType> named = java.util.Arrays.stream(csv.split(","))
                .map(s -> LowerCaseEnums.parse(Program.RewardType.class, s)).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return Program.RewardType.CHOOSABLE.stream().filter(named::contains).toList();
    }

    /** The comma list stored for these forms: each one's lower-case name, as every enum column holds it. */
    static String choicesColumn(java.util.List<Program.RewardType> types) {
        return String.join(",", types.stream().map(LowerCaseEnums::value).toList());
    }

    /** The referrer's share of a won deal: {@code percent} of {@code dealValue}, to the cent. */
    static BigDecimal share(BigDecimal dealValue, BigDecimal percent) {
        return dealValue.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    static String money(BigDecimal amount) { return Money.plain(amount); }

    static String plain(BigDecimal amount) { return amount.stripTrailingZeros().toPlainString(); }
}
