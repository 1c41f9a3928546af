package io.goodword.growth;

import io.goodword.ask.AskTallies;
import io.goodword.web.Localizer;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a dashboard view's figures come from: the check-in counters made ready, then every statement of the view on
 * one handle (about 30 of them: one connection and one attach each instead of one per statement).
 */
public final class DashboardSource {
    private final Jdbi jdbi;
    private final AskTallies tallies;

    public DashboardSource(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.tallies = new AskTallies(jdbi);
    }

    public Dashboard.Figures figures(long ws, Period p, Localizer t, int currentDelayHours, Instant now) {
        tallies.ready(ws, p.zone());
        return jdbi.withHandle(h -> new Dashboard(h.attach(GrowthDao.class), h.attach(AskFiguresDao.class))
                .figures(ws, p, t, currentDelayHours, now));
    }
}
