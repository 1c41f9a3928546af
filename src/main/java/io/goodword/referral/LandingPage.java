package io.goodword.referral;

import io.goodword.account.Brand;
import io.goodword.testimonial.PublicTestimonial;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The friend's landing page at /r/{code}, in the freelancer's public site. */
public record LandingPage(Shell shell, Brand brand, String code, String referrerFirstName, String friendReward,
                          String description, String terms, List<PublicTestimonial> testimonials, FriendForm form,
                          FormErrors errors) {}
