package io.goodword.account;

import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** Workspace settings, logo, and the account's email and password, each its own form with its own errors. */
public record SettingsPage(Shell shell, Workspace workspace, WorkspaceSettingsForm form, FormErrors errors,
                           FormErrors logoErrors, String accountEmail, FormErrors emailErrors, FormErrors passwordErrors,
                           String publicUrl, List<String> timeZones) {}
