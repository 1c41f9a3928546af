package io.goodword.web;

/**
 * Who is signed in, as far as the admin layout shows it (security/CurrentUser is the one implementation): the web
 * layer renders the signed-in user without knowing how sign-in works.
 */
public interface SignedIn {
    /** The request attribute the sign-in filter keeps the user in (null on pages outside the admin). */
    String ATTR = "gw.user";

    String workspaceName();

    String workspaceSlug();
}
