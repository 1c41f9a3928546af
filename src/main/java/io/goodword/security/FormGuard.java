package io.goodword.security;

import io.goodword.web.FormErrors;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one defence of every public form (review, edit link, referral landing and contact, client check-in, case-study
 * approval, sign-up, sign-in, forgot and reset password), in this order:
 * <ol>
 *   <li>a honeypot field {@value #HONEYPOT}, hidden from people; filled means a bot (or an autofill tool: the
 *       message says so, and the input is kept, so a person loses nothing);</li>
 *   <li>a signed stamp {@value #STAMP} = when the form was shown + a random id of this rendered form. Forms where
 *       bots post anonymously ({@link Form#timed}) must carry a genuine one, at least {@link #MIN_FILL} and at most
 *       {@link #MAX_AGE} old; on the others a genuine stamp only lends its id;</li>
 *   <li>the form's {@link Limit}s, counted atomically by {@link Throttle#acquire} (every attempt, not only the
 *       accepted ones: a caller may {@link Verdict#release} one that cost nothing).</li>
 * </ol>
 * The form id makes a resubmit safe: the transaction that stores the submission calls {@link Once#firstUse}; the
 * same rendered form sent again (double click, retry after a crash) is then answered with the same success and
 * stored once. Templates render both fields with {@code @template.tag.formGuard(t = …, stamp = …)}.
 */
public final class FormGuard {
    public static final String STAMP = "_stamp";
    public static final String HONEYPOT = "fax";
    public static final Duration MIN_FILL = Duration.ofSeconds(3);
    public static final Duration MAX_AGE = Duration.ofDays(1);
    private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** The guarded forms; a stamp is signed for one form and is worthless on another. */
    public enum Form {
        REVIEW(true), EDIT(false), REFERRAL(true), CHECKIN(false), APPROVAL(false),
        SIGNUP(false), LOGIN(false), FORGOT(false), RESET(false);

        /**
         * Whether a genuine stamp and the minimum fill time are required: on the anonymous forms bots post to.
         * Not on sign-in and the token-link forms, where password managers and returning people submit at once.
         */
        final boolean timed;

        Form(boolean timed) { this.timed = timed; }
    }

    /** The answer to one submission: go ahead, or the status, message and wait to show with the input kept. */
    public record Verdict(boolean passed, int status, String messageKey, Duration retryAfter, Once once,
                          Throttle.Permit permit) {

        /** The form-wide message ({0} = minutes to wait), or none when passed. */
        public FormErrors errors() {
            return passed ? FormErrors.none() : FormErrors.of("", messageKey, retryAfterMinutes());
        }

        public long retryAfterMinutes() { return Math.max(1, (retryAfter.toSeconds() + 59) / 60); }

        /** Sets the refusal's status (and Retry-After for a limit) on the response. */
        public void refuse(Context ctx) {
            ctx.status(status);
            if (!retryAfter.isZero()) ctx.header("Retry-After", Long.toString(retryAfter.toSeconds()));
        }

        /** Takes this attempt back out of the limits' counts (it was refused later at no cost, e.g. a typo). */
        public void release() {
            if (permit != null) permit.release();
        }
    }

    /** A rendered form's id, claimed by the transaction that stores its submission. */
    public record Once(String formId, Instant at) {
        public static Once none() { return new Once(null, null); }

        /** True the first time; false when this rendered form was stored already (a concurrent twin waits here). */
        public boolean firstUse(Handle h) {
            return formId == null || h.attach(FormUseDao.class).record(formId, at) == 1;
        }
    }

    private record Stamp(Instant shownAt, String formId) {}

    private final Jdbi jdbi;
    private final Secrets.Signer signer;
    private final Throttle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FormGuard(Jdbi jdbi, Secrets secrets, Throttle throttle, Clock clock) {
        this(jdbi, secrets.signer("form-guard"), throttle, clock);
    }

    FormGuard(Jdbi jdbi, Secrets.Signer signer, Throttle throttle, Clock clock) {
        this.jdbi = jdbi;
        this.signer = signer;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Throttle throttle() { return throttle; }

    /** The stamp for a form shown now, with a new id. */
    public String stamp(Form form) { return stampAt(form, clock.instant()); }

    public String stampAt(Form form, Instant shownAt) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String payload = shownAt.toEpochMilli() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return payload + "." + signer.sign(form.name() + "." + payload);
    }

    /** For showing the form again after an error: the stamp it came with when genuine (same id, no new wait). */
    public String restamp(Form form, String sent) { return fresh(parse(form, sent)) != null ? sent : stamp(form); }

    /** Honeypot, stamp, then the limits (each key counts this attempt). */
    public Verdict check(Context ctx, Form form, Throttle.Key... limits) {
        return check(form, ctx.formParam(HONEYPOT), ctx.formParam(STAMP), limits);
    }

    /** The same, from the two field values (unit tests, and forms read before the context is at hand). */
    public Verdict check(Form form, String honeypot, String stamp, Throttle.Key... limits) {
        if (honeypot != null && !honeypot.isBlank()) return refused(422, "form.error.honeypot", Duration.ZERO);
        Instant now = clock.instant();
        Stamp s = fresh(parse(form, stamp));
        if (form.timed) {
            if (s == null) return refused(422, "form.error.expired", Duration.ZERO);
            if (s.shownAt().plus(MIN_FILL).isAfter(now)) return refused(422, "form.error.tooFast", Duration.ZERO);
        }
        Throttle.Permit permit = null;
        if (limits.length > 0) {
            permit = throttle.acquire(limits);
            if (!permit.granted()) return refused(429, permit.refusedBy().messageKey(), permit.retryAfter());
        }
        return new Verdict(true, 200, null, Duration.ZERO, s == null ? Once.none() : new Once(s.formId(), now), permit);
    }

    /** Limits only, for requests without a form (e.g. looking up a link): counts this request. */
    public Verdict limit(Throttle.Key... limits) {
        Throttle.Permit permit = throttle.acquire(limits);
        if (!permit.granted()) return refused(429, permit.refusedBy().messageKey(), permit.retryAfter());
        return new Verdict(true, 200, null, Duration.ZERO, Once.none(), permit);
    }

    /** Forgets form ids older than any stamp can be; called by the background worker. */
    public int purgeOld() {
        Instant before = clock.instant().minus(MAX_AGE.multipliedBy(2));
        return jdbi.withExtension(FormUseDao.class, dao -> dao.purgeBefore(before));
    }

    private Stamp parse(Form form, String stamp) {
        if (stamp == null || stamp.length() > 100) return null;
        String[] parts = stamp.split("\\.", -1);
        if (parts.length != 3 || !FORM_ID.matcher(parts[1]).matches()) return null;
        if (!signer.verify(form.name() + "." + parts[0] + "." + parts[1], parts[2])) return null;
        try {
            return new Stamp(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The stamp when shown within {@link #MAX_AGE} (a stamp from the future is forged or from a skewed clock). */
    private Stamp fresh(Stamp s) {
        Instant now = clock.instant();
        return s == null || s.shownAt().isBefore(now.minus(MAX_AGE)) || s.shownAt().isAfter(now.plus(MIN_FILL)) ? null : s;
    }

    private static Verdict refused(int status, String key, Duration retryAfter) {
        return new Verdict(false, status, key, retryAfter, Once.none(), null);
    }
}
