package io.goodword.ask;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The client's path through an ask, a small state machine. Promoters: score → thanks → [testimonial] → [referral]
 * → done; passives: score → thanks → [testimonial] → done; detractors: score → feedback → done (nothing public,
 * no ask). Bracketed steps exist only when their feature provides them ({@link AskStep}); the thanks step only
 * when something follows it, otherwise the flow ends at the warm thank-you of the done page.
 */
public final class AskFlow {
    private final Set<Step> provided;

    public AskFlow(Set<Step> providedSteps) {
        this.provided = providedSteps.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(providedSteps);
    }

    public List<Step> path(Segment segment) {
        List<Step> full = switch (segment) {
            case PROMOTER -> List.of(Step.SCORE, Step.THANKS, Step.TESTIMONIAL, Step.REFERRAL, Step.DONE);
            case PASSIVE -> List.of(Step.SCORE, Step.THANKS, Step.TESTIMONIAL, Step.DONE);
            case DETRACTOR -> List.of(Step.SCORE, Step.FEEDBACK, Step.DONE);
        };
        List<Step> path = new ArrayList<>();
        for (Step s : full) {
            if ((s == Step.TESTIMONIAL || s == Step.REFERRAL) && !provided.contains(s)) continue;
            path.add(s);
        }
        int thanks = path.indexOf(Step.THANKS);
        if (thanks >= 0 && path.get(thanks + 1) == Step.DONE) path.remove(thanks);
        return List.copyOf(path);
    }

    /** The step after {@code current} for a client of this segment (DONE stays DONE). */
    public Step after(Step current, Segment segment) {
        List<Step> path = path(segment);
        int i = path.indexOf(current);
        if (i < 0 || i + 1 >= path.size()) return Step.DONE;
        return path.get(i + 1);
    }
}
