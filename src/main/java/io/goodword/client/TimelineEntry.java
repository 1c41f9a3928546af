package io.goodword.client;

import java.time.Instant;

/** One thing that happened with a client; {@code key} is the message key, {@code detail} plain text. */
public record TimelineEntry(Instant at, String when, String key, String detail) {}
