package io.goodword.account;

import io.goodword.web.Shell;

/** The admin's start page: where the public page is and what to set up next. */
public record AdminHomePage(Shell shell, Workspace workspace, String publicUrl, boolean hasLogo, boolean hasBio) {}
