package io.goodword.referral;

import io.goodword.account.Brand;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

/** The public contact page at /p/{slug}/contact. */
public record ContactPage(Shell shell, Brand brand, String referrerFirstName, FriendForm form, FormErrors errors) {}
