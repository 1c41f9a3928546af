package io.goodword.referral;

import io.goodword.web.Localizer;
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
            case CREDIT -> t.text("referral.reward.describe.CREDIT", money);
            case CASH -> t.text("referral.reward.describe.CASH", money);
            case GIFT -> t.text("referral.reward.describe.GIFT", text);
            case DONATION -> amount == null ? t.text("referral.reward.describe.DONATION", text)
                    : t.text("referral.reward.describe.DONATION_AMOUNT", money, text);
            case TEXT -> text;
            case NONE -> "";
        };
    }

    static String money(BigDecimal amount) { return amount.setScale(2, RoundingMode.HALF_UP).toPlainString(); }

    static String plain(BigDecimal amount) { return amount.stripTrailingZeros().toPlainString(); }
}
