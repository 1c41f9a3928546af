package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A referral program as typed in the admin; every value stays text until it validates. */
public record ProgramForm(String name, String description, String terms, String referrerType, String referrerAmount,
                          String referrerCurrency, String referrerText, String friendType, String friendAmount,
                          String friendCurrency, String friendText, String trigger, String minDealValue, String cap,
                          String startsOn, String endsOn, String holdDays, boolean holdUntilPaid, String choices) {
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** A program without a hold and without a choice of reward. */
    public ProgramForm(String name, String description, String terms, String referrerType, String referrerAmount,
                       String referrerCurrency, String referrerText, String friendType, String friendAmount,
                       String friendCurrency, String friendText, String trigger, String minDealValue, String cap,
                       String startsOn, String endsOn) {
        this(name, description, terms, referrerType, referrerAmount, referrerCurrency, referrerText, friendType,
                friendAmount, friendCurrency, friendText, trigger, minDealValue, cap, startsOn, endsOn, "", false, "");
    }

    public static ProgramForm empty() {
        return new ProgramForm("", "", "", "PERCENT", "", "EUR", "", "NONE", "", "EUR", "", "WON", "", "", "", "");
    }

    /** Whether a form of reward is ticked among the referrer's choices. */
    public boolean offers(String type) { return Rewards.choices(choices).stream().anyMatch(t -> t.name().equals(type)); }

    public static ProgramForm of(Program p) {
        return new ProgramForm(p.name(), p.description(), p.terms(), p.referrerRewardType().name(),
                str(p.referrerRewardAmount()), p.referrerRewardCurrency(), p.referrerRewardText(),
                p.friendRewardType().name(), str(p.friendRewardAmount()), p.friendRewardCurrency(), p.friendRewardText(),
                p.rewardTrigger().name(), str(p.minDealValue()), p.capPerReferrer() == null ? "" : p.capPerReferrer().toString(),
                p.startsOn() == null ? "" : p.startsOn().toString(), p.endsOn() == null ? "" : p.endsOn().toString(),
                p.holdDays() == null ? "" : p.holdDays().toString(), p.holdUntilPaid(),
                String.join(",", p.choices().stream().map(Enum::name).toList()));
    }

    public static ProgramForm from(Context ctx) {
        return new ProgramForm(c(ctx, "name"), c(ctx, "description"), c(ctx, "terms"), c(ctx, "referrerType"),
                c(ctx, "referrerAmount"), c(ctx, "referrerCurrency").toUpperCase(Locale.ROOT), c(ctx, "referrerText"),
                c(ctx, "friendType"), c(ctx, "friendAmount"), c(ctx, "friendCurrency").toUpperCase(Locale.ROOT),
                c(ctx, "friendText"), c(ctx, "trigger"), c(ctx, "minDealValue"), c(ctx, "cap"), c(ctx, "startsOn"),
                c(ctx, "endsOn"), c(ctx, "holdDays"), ctx.formParam("holdUntilPaid") != null,
                String.join(",", ctx.formParams("choices").stream().map(Validation::clean).toList()));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("name", name).maxLength("name", name, 100);
        e.maxLength("description", description, 2000);
        e.maxLength("terms", terms, 5000);
        reward(e, "referrer", referrerType, referrerAmount, referrerCurrency, referrerText, false);
        reward(e, "friend", friendType, friendAmount, friendCurrency, friendText, true);
        if (enumOf(Program.Trigger.class, trigger) == null) e.add("trigger", "referral.error.choose");
        if (!minDealValue.isEmpty()) {
            BigDecimal v = decimal(minDealValue);
            if (v == null || v.signum() < 0 || v.compareTo(MAX_AMOUNT) > 0) e.add("minDealValue", "referral.error.amount");
            else if (!"WON".equals(trigger)) e.add("minDealValue", "referral.error.minNeedsWon");
        }
        if ("DEAL_PERCENT".equals(referrerType) && !"WON".equals(trigger)) e.add("trigger", "referral.error.dealPercentNeedsWon");
        if (!holdDays.isEmpty()) {
            Integer d = integer(holdDays);
            if (d == null || d < 0 || d > 3650) e.add("holdDays", "referral.error.holdDays");
        }
        for (String c : choices.isEmpty() ? new String[0] : choices.split(",")) {
            Program.RewardType t = enumOf(Program.RewardType.class, c);
            if (t == null || !Program.RewardType.CHOOSABLE.contains(t)) e.add("choices", "referral.error.choose");
        }
        if (!choices.isEmpty() && !e.has("choices") && Rewards.choices(choices).size() < 2) e.add("choices", "referral.error.twoChoices");
        if (!choices.isEmpty() && !"CASH".equals(referrerType) && !"CREDIT".equals(referrerType)
                && !"DONATION".equals(referrerType) && !"DEAL_PERCENT".equals(referrerType)) {
            e.add("choices", "referral.error.choicesNeedMoney");
        }
        if (!cap.isEmpty()) {
            Integer c = integer(cap);
            if (c == null || c < 1 || c > 10000) e.add("cap", "referral.error.cap");
        }
        LocalDate s = date(e, "startsOn", startsOn);
        LocalDate en = date(e, "endsOn", endsOn);
        if (s != null && en != null && en.isBefore(s)) e.add("endsOn", "referral.error.endBeforeStart");
        return e;
    }

    private static void reward(FormErrors e, String side, String type, String amount, String currency, String text,
                               boolean optional) {
        Program.RewardType t = enumOf(Program.RewardType.class, type);
        if (t == null || t == Program.RewardType.NONE && !optional) {
            e.add(side + "Type", "referral.error.choose");
            return;
        }
        if (t == Program.RewardType.DEAL_PERCENT && optional) {
            e.add(side + "Type", "referral.error.dealPercentReferrerOnly");
            return;
        }
        switch (t) {
            case PERCENT, DEAL_PERCENT -> {
                BigDecimal v = decimal(amount);
                if (amount.isEmpty()) e.add(side + "Amount", "referral.error.percentNeeded");
                else if (v == null || v.signum() <= 0 || v.compareTo(new BigDecimal("100")) > 0) e.add(side + "Amount", "referral.error.percent");
            }
            case CREDIT, CASH -> {
                BigDecimal v = decimal(amount);
                if (amount.isEmpty()) e.add(side + "Amount", "referral.error.amountNeeded");
                else if (v == null || v.signum() <= 0 || v.compareTo(MAX_AMOUNT) > 0) e.add(side + "Amount", "referral.error.amount");
                if (!CURRENCY.matcher(currency).matches()) e.add(side + "Currency", "referral.error.currency");
            }
            case DONATION -> {
                e.required(side + "Text", text, "referral.error.causeNeeded");
                if (!amount.isEmpty()) {
                    BigDecimal v = decimal(amount);
                    if (v == null || v.signum() <= 0 || v.compareTo(MAX_AMOUNT) > 0) e.add(side + "Amount", "referral.error.amount");
                    if (!CURRENCY.matcher(currency).matches()) e.add(side + "Currency", "referral.error.currency");
                }
            }
            case GIFT, TEXT -> e.required(side + "Text", text, "referral.error.textNeeded");
            case NONE -> { }
        }
        e.maxLength(side + "Text", text, 200);
    }

    // ---- parsed values (valid only after validate() found nothing), bound by name in ProgramDao ----

    public Program.RewardType referrerTypeValue() { return Program.RewardType.valueOf(referrerType); }
    public BigDecimal referrerAmountValue() { return usesAmount(referrerType) ? decimal(referrerAmount) : null; }
    public String referrerCurrencyValue() { return usesCurrency(referrerType, referrerAmount) ? referrerCurrency : ""; }
    public String referrerTextValue() { return usesText(referrerType) ? referrerText : ""; }
    public Program.RewardType friendTypeValue() { return Program.RewardType.valueOf(friendType); }
    public BigDecimal friendAmountValue() { return usesAmount(friendType) ? decimal(friendAmount) : null; }
    public String friendCurrencyValue() { return usesCurrency(friendType, friendAmount) ? friendCurrency : ""; }
    public String friendTextValue() { return usesText(friendType) ? friendText : ""; }
    public Program.Trigger triggerValue() { return Program.Trigger.valueOf(trigger); }
    public BigDecimal minDealValueValue() { return minDealValue.isEmpty() ? null : decimal(minDealValue); }
    public Integer capValue() { return cap.isEmpty() ? null : integer(cap); }
    public LocalDate startsOnValue() { return startsOn.isEmpty() ? null : LocalDate.parse(startsOn); }
    public LocalDate endsOnValue() { return endsOn.isEmpty() ? null : LocalDate.parse(endsOn); }
    public Integer holdDaysValue() { return holdDays.isEmpty() || "0".equals(holdDays) ? null : integer(holdDays); }
    public String choicesValue() {
        return Rewards.choicesColumn(Rewards.choices(choices));
    }

    private static boolean usesAmount(String type) {
        return switch (type) { case "PERCENT", "DEAL_PERCENT", "CREDIT", "CASH", "DONATION" -> true; default -> false; };
    }

    private static boolean usesCurrency(String type, String amount) {
        return "CREDIT".equals(type) || "CASH".equals(type) || "DONATION".equals(type) && !amount.isEmpty();
    }

    private static boolean usesText(String type) {
        return switch (type) { case "GIFT", "DONATION", "TEXT" -> true; default -> false; };
    }

    private static LocalDate date(FormErrors e, String field, String value) {
        if (value.isEmpty()) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException ex) {
            e.add(field, "referral.error.date");
            return null;
        }
    }

    static BigDecimal decimal(String s) {
        if (s == null || s.isEmpty() || s.length() > 20) return null;
        try {
            BigDecimal v = new BigDecimal(s.replace(',', '.'));
            return v.scale() > 2 ? null : v;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s.length() > 9 ? null : Integer.valueOf(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String str(BigDecimal v) { return v == null ? "" : v.stripTrailingZeros().toPlainString(); }

    private static String c(Context ctx, String name) { return Validation.clean(ctx.formParam(name)); }
}
