package io.goodword.referral;

/** An approved testimonial whose author agreed to publication; company only when they agreed to show it. */
public record PublicTestimonial(long id, int rating, String body, String name, String role, String company) {}
