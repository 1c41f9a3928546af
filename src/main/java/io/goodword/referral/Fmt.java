package io.goodword.referral;

import io.goodword.web.Dates;
import java.time.Instant;

/**
 * Left only for {@code templates/referral/lead.jte} (helper "split" owns it): it prints UTC. Switch that template to
 * {@code page.dates().when(..)} (LeadPage carries the workspace's {@link Dates}) and delete this class.
 */
public final class Fmt {
    private Fmt() {}

    public static String when(Instant i) { return Dates.UTC.when(i); }

    public static String money(java.math.BigDecimal v) { return io.goodword.web.Money.plain(v); }
}
