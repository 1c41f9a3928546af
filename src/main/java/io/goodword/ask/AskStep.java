package io.goodword.ask;

import io.javalin.http.Context;

/**
 * A step of the client flow provided by another feature (the testimonial form, the referral step). The flow
 * controller shows it when it is the ask's current step and moves on when {@link #submit} reports it complete.
 * Skipping is handled by the flow itself.
 */
public interface AskStep {
    Step step();

    /** Renders the step's page for GET /c/{token}. */
    void show(Context ctx, AskVisit visit);

    /** Handles POST /c/{token}/step; returns true when the step is complete (the flow then redirects on). */
    boolean submit(Context ctx, AskVisit visit);
}
