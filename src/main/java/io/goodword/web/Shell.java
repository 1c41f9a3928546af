package io.goodword.web;

import io.goodword.security.CurrentUser;
import java.util.function.Supplier;

/**
 * What every layout needs besides the page's own content: title, translations, the CSRF token (made only
 * when a form asks for it, so pages without forms set no cookie), the pending flash message and who is signed in.
 */
public record Shell(String title, Localizer t, Supplier<String> csrfToken, String flashKey, CurrentUser user, String nav) {

    public String csrf() { return csrfToken.get(); }

    public String lang() { return t.lang(); }

    public boolean signedIn() { return user != null; }

    public boolean navIs(String item) { return item.equals(nav); }

    /** The flash message as text, or null. */
    public String flash() { return flashKey == null ? null : t.lookup(flashKey); }
}
