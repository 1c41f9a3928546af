package io.goodword.security;

import io.goodword.account.AccountDao;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Optional;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.credentials.UsernamePasswordCredentials;
import org.pac4j.core.exception.CredentialsException;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.Pac4jConstants;
import org.pac4j.http.client.indirect.FormClient;
import org.pac4j.javalin.JavalinFrameworkParameters;
import org.pac4j.javalin.JavalinWebContext;
import org.pac4j.javalin.LogoutHandler;
import org.pac4j.javalin.SecurityHandler;
import org.pac4j.jee.context.session.JEESessionStoreFactory;

/**
 * Sign-in through pac4j: a FormClient guards /admin (anonymous visitors are sent to /login and back after),
 * our {@link AccountAuthenticator} checks the password, and the profile lives in the (database-backed) session.
 * The login form's POST is handled by our own controller so that a wrong password re-renders the form with 422
 * and throttling runs before any password check.
 */
public final class Auth {
    private final Config pac4j;
    private final AccountAuthenticator authenticator;
    private final AccountDao accounts;

    public Auth(AccountDao accounts) {
        this.accounts = accounts;
        this.authenticator = new AccountAuthenticator(accounts);
        FormClient form = new FormClient("/login", authenticator);
        this.pac4j = new Config(new Clients("/login", form));
        pac4j.setSessionStoreFactory(JEESessionStoreFactory.INSTANCE);
    }

    /** Before-handler for the admin: anonymous users are redirected to /login; signed-in users get a CurrentUser. */
    public Handler requireSignIn() {
        // Our own CSRF and security headers apply everywhere (web/Csrf, web/SecurityHeaders), so pac4j's
        // default matchers (its CSRF token cookie, header rewriting) and CSRF authorizer are switched off.
        SecurityHandler pac4jGuard = new SecurityHandler(pac4j, "FormClient", "isAuthenticated", "none");
        return ctx -> {
            pac4jGuard.handle(ctx);
            if (ctx.res().getStatus() >= 300 && ctx.res().getStatus() < 400) return; // redirected to /login
            Optional<Long> accountId = profileOf(ctx).map(p -> Long.parseLong(p.getId()));
            CurrentUser user = accountId.flatMap(accounts::findCurrentUser).orElse(null);
            if (user == null) { // account deleted while signed in
                signOutQuietly(ctx);
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.attribute(CurrentUser.ATTR, user);
        };
    }

    /** POST /logout: drops the profile and the whole session. */
    public Handler logout() {
        LogoutHandler handler = new LogoutHandler(pac4j, "/login?signedOut=1");
        handler.destroySession = true;
        return handler;
    }

    /** Checks email and password; throws {@link CredentialsException} when either is wrong. */
    public UserProfile authenticate(Context ctx, String email, String password) {
        UsernamePasswordCredentials credentials = new UsernamePasswordCredentials(email, password);
        authenticator.validate(new CallContext(web(ctx), sessionStore(ctx)), credentials);
        return credentials.getUserProfile();
    }

    /** Stores the profile in a fresh session (new session id, so a planted id is worthless). */
    public void signIn(Context ctx, UserProfile profile) {
        JavalinWebContext web = web(ctx);
        SessionStore store = sessionStore(ctx);
        store.renewSession(web);
        new ProfileManager(web, store).save(true, profile, false);
    }

    /** Where the user wanted to go before being sent to /login (a local path only), else /admin. */
    public String takeRequestedPath(Context ctx) {
        JavalinWebContext web = web(ctx);
        SessionStore store = sessionStore(ctx);
        Optional<Object> saved = store.get(web, Pac4jConstants.REQUESTED_URL);
        store.set(web, Pac4jConstants.REQUESTED_URL, null);
        // pac4j keeps it as a plain URL or as a redirect action, depending on the request that saved it.
        return saved.map(a -> a instanceof WithLocationAction w ? w.getLocation() : String.valueOf(a))
                .map(Auth::localPath)
                .filter(p -> p.startsWith("/admin"))
                .orElse("/admin");
    }

    public Optional<UserProfile> profileOf(Context ctx) {
        return new ProfileManager(web(ctx), sessionStore(ctx)).getProfile();
    }

    public void signOutQuietly(Context ctx) {
        new ProfileManager(web(ctx), sessionStore(ctx)).removeProfiles();
    }

    private static String localPath(String location) {
        try {
            URI u = URI.create(location);
            String path = u.getRawPath() == null ? "/admin" : u.getRawPath();
            if (!path.startsWith("/") || path.startsWith("//")) return "/admin";
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/admin";
        }
    }

    private static JavalinWebContext web(Context ctx) { return new JavalinWebContext(ctx); }

    private static SessionStore sessionStore(Context ctx) {
        return JEESessionStoreFactory.INSTANCE.newSessionStore(new JavalinFrameworkParameters(ctx));
    }
}
