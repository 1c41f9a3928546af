package io.goodword.data;

import io.goodword.ask.Ask;
import io.goodword.ask.AskStatus;
import io.goodword.ask.AskTemplate;
import io.goodword.ask.Step;
import io.goodword.casestudy.ApprovalStatus;
import io.goodword.casestudy.CaseStatus;
import io.goodword.client.ProjectStatus;
import io.goodword.db.LowerCaseEnums;
import io.goodword.referral.FraudRules;
import io.goodword.referral.Lead;
import io.goodword.referral.LeadEvent;
import io.goodword.referral.Program;
import io.goodword.referral.Reward;
import io.goodword.testimonial.TestimonialSource;
import io.goodword.testimonial.TestimonialStatus;
import io.goodword.web.Validation;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An archive is untrusted input: every imported value follows the same rules as the forms that normally write it
 * (enums from the features' own types, ratings 1–5, http(s) URLs, valid emails, column lengths), HTML is rebuilt from
 * its Markdown, and trust the archive cannot prove is reset: testimonials are not "verified", and case-study
 * approvals are never APPROVED (they show as superseded; the client is asked again), unless the archive carries this
 * installation's signature over every entry, unchanged (ExportSignature). Values that break a rule are
 * neutralised to the column's safe value; values of the wrong type refuse the archive. The rules that span a row
 * (trust, case-study HTML) are {@link ImportRowRules}.
 */
final class ImportRules {
    /** A value of the wrong kind for its column (text where a number belongs, nested JSON…). */
    static final class Invalid extends Exception {
        final String column;

        Invalid(String column) {
            super(column, null, false, false);
            this.column = column;
        }
    }

    private record Choice(Set<String> allowed, String fallback) {}

    // Archives exported before V61 hold referral and case-study values in upper case: every enum column is read in
    // any case and written as LowerCaseEnums stores it.
    private static final Map<String, Choice> ENUMS = Map.ofEntries(
            Map.entry("testimonials.status", choice(TestimonialStatus.PENDING)),
            Map.entry("testimonials.source", choice(TestimonialSource.IMPORT)),
            Map.entry("testimonials.origin_platform", choice(io.goodword.testimonial.Platform.OTHER)),
            Map.entry("testimonial_consents.channel", choice(io.goodword.testimonial.ConsentChannel.IMPORT)),
            Map.entry("testimonial_consents.provenance", choice(io.goodword.testimonial.ConsentProvenance.UNVERIFIED)),
            Map.entry("projects.status", choice(ProjectStatus.ACTIVE)),
            Map.entry("asks.status", choice(AskStatus.CANCELLED)),
            Map.entry("asks.reason", choice(Ask.Reason.MANUAL)),
            Map.entry("asks.step", choice(Step.DONE)),
            Map.entry("ask_templates.kind", choice(AskTemplate.Kind.class, null)),
            Map.entry("case_studies.status", choice(CaseStatus.DRAFT)),
            Map.entry("case_study_approvals.status", choice(ApprovalStatus.SUPERSEDED)),
            Map.entry("referral_leads.status", choice(Lead.Status.NEW)),
            Map.entry("referral_leads.source", choice(Lead.Source.CONTACT)),
            Map.entry("referral_leads.review", choice(Lead.Review.NONE)),
            Map.entry("referral_lead_events.kind", choice(LeadEvent.Kind.NOTE)),
            Map.entry("referral_lead_events.status", choice(Lead.Status.class, null)),
            Map.entry("referral_rewards.status", choice(Reward.Status.PENDING)),
            Map.entry("referral_rewards.beneficiary", choice(Reward.Beneficiary.REFERRER)),
            Map.entry("referral_rewards.reward_type", choice(Program.RewardType.TEXT)),
            Map.entry("referral_programs.status", choice(Program.Status.PAUSED)),
            Map.entry("referral_programs.reward_trigger", choice(Program.Trigger.WON)),
            Map.entry("referral_programs.referrer_reward_type", choice(Program.RewardType.NONE)),
            Map.entry("referral_programs.friend_reward_type", choice(Program.RewardType.NONE)),
            Map.entry("workspaces.language", new Choice(Set.of("en", "de"), "en")),
            Map.entry("clients.language", new Choice(Set.of("en", "de"), "en")));
    /** Comma lists of enum names; unknown entries are dropped. */
    private static final Map<String, Set<String>> ENUM_LISTS = Map.of(
            "asks.completed_steps", names(Step.values()), "asks.skipped_steps", names(Step.values()),
            "referral_programs.reward_choices", names(Program.RewardType.CHOOSABLE.toArray(Enum<?>[]::new)),
            "referral_rewards.choices", names(Program.RewardType.CHOOSABLE.toArray(Enum<?>[]::new)),
            "referral_leads.fraud_reasons", names(FraudRules.Reason.values()));
    private static final Map<String, int[]> RANGES = Map.of("testimonials.rating", new int[] {1, 5},
            "asks.score", new int[] {0, 10}, "client_tasks.score", new int[] {0, 10},
            "ask_settings.work_start_hour", new int[] {0, 23}, "ask_settings.work_end_hour", new int[] {1, 23});
    private static final Set<String> URLS = Set.of("workspaces.website", "testimonials.website", "testimonials.source_url", "testimonials.avatar_url");
    private static final Set<String> EMAILS = Set.of("clients.email", "testimonials.email", "referral_leads.email",
            "referral_rewards.recipient_email", "case_study_approvals.sent_to");
    private static final Pattern TEMPORAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?)?|\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?");

    private ImportRules() {}

    private static <E extends Enum<E>> Choice choice(E fallback) { return choice(fallback.getDeclaringClass(), fallback); }

    private static <E extends Enum<E>> Choice choice(Class<E> type, E fallback) {
        return new Choice(names(type.getEnumConstants()), LowerCaseEnums.value(fallback));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(LowerCaseEnums::value).collect(Collectors.toUnmodifiableSet());
    }

    /** One value made safe for its column: of the right kind, within its length, following the form's rule. */
    static Object clean(SchemaDao.Column c, Object v) throws Invalid {
        String key = c.table() + "." + c.name();
        Object typed = typed(c, v);
        if (typed == null) return null;
        if (typed instanceof String s) return ruleFor(key, c, s);
        int[] range = RANGES.get(key);
        if (range != null && typed instanceof Number n) return Math.max(range[0], Math.min(range[1], n.intValue()));
        return typed;
    }

    private static Object typed(SchemaDao.Column c, Object v) throws Invalid {
        if (v == null || v instanceof byte[]) return v;
        if (v instanceof Map<?, ?> || v instanceof List<?>) throw new Invalid(c.name());
        if (c.isText()) return clip(v instanceof String s ? s : String.valueOf(v), c.maxLength());
        if (c.isTemporal()) {
            if (v instanceof String s && TEMPORAL.matcher(s).matches()) return s;
            throw new Invalid(c.name());
        }
        if (v instanceof Number || v instanceof Boolean) return v;
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new Invalid(c.name());
            }
        }
        throw new Invalid(c.name());
    }

    private static Object ruleFor(String key, SchemaDao.Column c, String s) {
        Choice choice = ENUMS.get(key);
        if (choice != null) {
            String stored = s.strip().toLowerCase(Locale.ROOT);
            return choice.allowed().contains(stored) ? stored : choice.fallback() == null ? s : choice.fallback();
        }
        if (URLS.contains(key)) return s.isEmpty() || Validation.isHttpUrl(s) ? s : "";
        if (EMAILS.contains(key)) return Validation.isEmail(s) ? s.strip() : c.nullable() ? null : "";
        Set<String> listed = ENUM_LISTS.get(key);
        if (listed != null) {
            return Arrays.stream(s.split(",")).map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(listed::contains)
                    .collect(Collectors.joining(","));
        }
        if (key.equals("workspaces.brand_color")) return Validation.isColor(s) ? s : io.goodword.account.BrandColors.DEFAULT;
        if (key.equals("workspaces.time_zone")) return validZone(s) ? s : "UTC";
        return s;
    }

    private static boolean validZone(String s) {
        try {
            ZoneId.of(s);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String clip(String s, Long maxLength) {
        if (maxLength == null || s.length() <= maxLength / 2 || s.codePointCount(0, s.length()) <= maxLength) return s;
        return s.substring(0, s.offsetByCodePoints(0, maxLength.intValue()));
    }
}
