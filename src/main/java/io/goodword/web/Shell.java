package io.goodword.web;

import java.util.function.Supplier;

/**
 * What every layout needs besides the page's own content: title, translations, the CSRF token (made only
 * when a form asks for it, so pages without forms set no cookie), the pending flash message and who is signed in.
 * Built by {@link Views}: {@code shell} for the admin, {@code publicShell} for pages in a language of their own,
 * {@code cachedShell} for pages rendered once for many visitors.
 */
public record Shell(String title, Localizer t, Supplier<String> csrfToken, String flashKey, SignedIn user, String nav) {

    public String csrf() { return csrfToken.get(); }

    public String lang() { return t.lang(); }

    public boolean signedIn() { return user != null; }

    public boolean navIs(String item) { return item.equals(nav); }

    /** The flash message as text, or null. */
    public String flash() { return flashKey == null ? null : t.lookup(flashKey); }
}
