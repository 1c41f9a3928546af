package io.goodword.referral;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The friend's landing page at /r/{code}. */
public record LandingPage(Shell shell, WorkspaceRef workspace, String code, String referrerFirstName, String friendReward, String description, String terms, List<PublicTestimonial> testimonials, FriendForm form, FormErrors errors) {}
