package io.goodword.referral;

import io.goodword.account.Brand;
import io.goodword.web.Shell;

/** After a friend's form was sent. */
public record ThanksPage(Shell shell, Brand brand, String referrerFirstName) {}
