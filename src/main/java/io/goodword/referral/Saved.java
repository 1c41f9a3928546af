package io.goodword.referral;

import io.goodword.web.FormErrors;

/** A created row's id, or the errors that kept it from being created (id 0). */
public record Saved(long id, FormErrors errors) {}
