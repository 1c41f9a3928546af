package io.goodword.testimonial;

import java.time.Instant;

/** One recorded change of a client's words. */
public record TestimonialEdit(long id, String editor, String field, String beforeText, String afterText, Instant createdAt) {}
