package io.goodword.testimonial;

import io.javalin.http.Context;

/**
 * Left only for {@code TestimonialAskStep}, which moves to {@code ask/} on another branch and calls
 * {@link TestimonialForm#uploadedPhoto} there; delete this class when that lands. The public pages live in
 * TestimonialWallController, TestimonialEmbedController, TestimonialFeedController and TestimonialReviewController.
 */
final class PublicController {
    private PublicController() {}

    static byte[] photo(Context ctx) { return TestimonialForm.uploadedPhoto(ctx); }
}
