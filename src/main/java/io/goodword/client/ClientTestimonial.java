package io.goodword.client;

import java.time.Instant;

/** A testimonial as the client's timeline shows it. */
public record ClientTestimonial(long id, String status, int rating, Instant createdAt) {}
