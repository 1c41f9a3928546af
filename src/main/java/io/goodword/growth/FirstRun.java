package io.goodword.growth;

import java.util.List;

/**
 * The first-run checklist of the dashboard: five steps that make Goodword work for a new freelancer, each done when
 * the data says so (a client exists, a testimonial came in…), shown until all are done. {@code anyData} is false while
 * nothing could be charted yet, so the dashboard shows what to do instead of charts of zeros.
 */
public record FirstRun(List<Step> steps, boolean anyData) {
    /** One step: its message key, where to do it, and whether it is done. */
    public record Step(String id, String key, String href, boolean done) {}

    static FirstRun of(GrowthDao.FirstSteps s) {
        return new FirstRun(List.of(
                new Step("branding", "growth.firstRun.branding", "/admin/settings#logo", s.branded()),
                new Step("client", "growth.firstRun.client", "/admin/clients/new", s.hasClient()),
                new Step("share", "growth.firstRun.share", "/admin/testimonials/collect", s.shared()),
                new Step("widget", "growth.firstRun.widget", "/admin/testimonials/embed", s.widget()),
                new Step("referrals", "growth.firstRun.referrals", "/admin/referrals/programs/new", s.program())),
                s.anyData());
    }

    public int done() { return (int) steps.stream().filter(Step::done).count(); }

    public int total() { return steps.size(); }

    /** Whether the step {@code id} is done (e.g. "referrals": the workspace has a referral program). */
    public boolean done(String id) { return steps.stream().anyMatch(s -> s.id().equals(id) && s.done()); }

    /** The checklist stays until every step is done. */
    public boolean show() { return done() < total(); }
}
