package io.goodword.growth;

import io.goodword.web.Localizer;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a dashboard view's figures come from: every statement of the view on one handle (about 40 of them: one
 * connection and one attach each instead of one per statement). Nothing needs preparing first: the counters they read
 * are kept by the database (V70–V73) by the UTC day and hour, whatever the workspace's zone.
 */
public final class DashboardSource {
    private final Jdbi jdbi;

    public DashboardSource(Jdbi jdbi) { this.jdbi = jdbi; }

    public Dashboard.Figures figures(long ws, Period p, Localizer t, int currentDelayHours, Instant now) {
        return jdbi.withHandle(h -> new Dashboard(h.attach(GrowthDao.class), h.attach(AskFiguresDao.class))
                .figures(ws, p, t, currentDelayHours, now));
    }
}
