package io.goodword.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a webhook can be told; {@link #PING} is the test event, sent to one endpoint when asked, never subscribed to. */
public enum EventType {
    TESTIMONIAL_SUBMITTED("testimonial.submitted"),
    TESTIMONIAL_APPROVED("testimonial.approved"),
    REFERRAL_LEAD_CREATED("referral.lead_created"),
    PING("ping");

    private final String wire;

    EventType(String wire) { this.wire = wire; }

    /** The name in the body's {@code type} and the {@code Goodword-Event} header. */
    public String wire() { return wire; }

    /** The events an endpoint can choose, in the order the form shows them. */
    static List<EventType> subscribable() { return List.of(TESTIMONIAL_SUBMITTED, TESTIMONIAL_APPROVED, REFERRAL_LEAD_CREATED); }

    static Optional<EventType> parse(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst();
    }
}
