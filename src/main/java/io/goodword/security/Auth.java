package io.goodword.security;

import io.goodword.web.Cookies;
import io.goodword.web.Csrf;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.credentials.UsernamePasswordCredentials;
import org.pac4j.core.exception.CredentialsException;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.core.profile.CommonProfile;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.Pac4jConstants;
import org.pac4j.http.client.indirect.FormClient;
import org.pac4j.javalin.JavalinFrameworkParameters;
import org.pac4j.javalin.JavalinWebContext;
import org.pac4j.javalin.SecurityHandler;
import org.pac4j.jee.context.session.JEESessionStoreFactory;

/**
 * Sign-in through pac4j: a FormClient guards /admin (anonymous visitors are sent to /login and back after),
 * the account feature checks the password ({@link SignInAccounts}), and the profile lives in the (database-backed)
 * session.
 * The login form's POST is handled by our own controller so that a wrong password re-renders the form with 422
 * and throttling runs before any password check.
 *
 * <p>A session is good for 14 days of inactivity (SessionStorage) and at most {@link #ABSOLUTE_LIFETIME} after
 * sign-in, and only while the account's session epoch is the one stamped at sign-in (a password reset or change
 * raises it, which signs out every older session).
 */
public final class Auth {
    /** However active, a session ends this long after its sign-in (then the password is asked again). */
    public static final Duration ABSOLUTE_LIFETIME = Duration.ofDays(30);
    static final String SESSION_EPOCH = "sessionEpoch";
    static final String WORKSPACE_ID = "workspaceId";
    static final String SIGNED_IN_AT = "signedInAt";
    private final Config pac4j;
    private final SignInAccounts accounts;
    private final Clock clock;

    public Auth(SignInAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        FormClient form = new FormClient("/login", accounts);
        this.pac4j = new Config(new Clients("/login", form));
        pac4j.setSessionStoreFactory(JEESessionStoreFactory.INSTANCE);
    }

    /** Before-handler for the admin: anonymous users are redirected to /login; signed-in users get a CurrentUser. */
    public Handler requireSignIn() {
        // Our own CSRF and security headers apply everywhere (web/Csrf, web/SecurityHeaders), so pac4j's
        // default matchers (its CSRF token cookie, header rewriting) and CSRF authorizer are switched off.
        SecurityHandler pac4jGuard = new SecurityHandler(pac4j, "FormClient", "isAuthenticated", "none");
        return ctx -> {
            // A session the database could not hand over is not "signed out": 503 before pac4j starts a new one.
            SessionStorage.requireReadable(ctx);
            pac4jGuard.handle(ctx);
            if (ctx.res().getStatus() >= 300 && ctx.res().getStatus() < 400) return; // redirected to /login
            CurrentUser user = currentUser(ctx).orElse(null);
            if (user == null) { // account deleted, password changed elsewhere, or the session is too old
                endSession(ctx);
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.attribute(CurrentUser.ATTR, user);
        };
    }

    /**
     * The signed-in user, if the session still counts: the account exists, its session epoch is the one stamped
     * at sign-in, and sign-in was less than {@link #ABSOLUTE_LIFETIME} ago (by the injected clock).
     */
    public Optional<CurrentUser> currentUser(Context ctx) {
        Optional<UserProfile> profile = profileOf(ctx);
        if (profile.isEmpty()) return Optional.empty();
        long accountId = Long.parseLong(profile.get().getId());
        // Sessions from before the epoch existed carry none: they count as epoch 0, which every account starts at.
        int stamped = profile.get().getAttribute(SESSION_EPOCH) instanceof Number n ? n.intValue() : 0;
        if (!clock.instant().isBefore(signedInAt(ctx, profile.get()).plus(ABSOLUTE_LIFETIME))) return Optional.empty();
        return accounts.signedInUser(accountId, stamped);
    }

    /** When this session signed in; sessions from before the stamp existed use the session's creation (renewed at sign-in). */
    private static Instant signedInAt(Context ctx, UserProfile profile) {
        if (profile.getAttribute(SIGNED_IN_AT) instanceof Number n) return Instant.ofEpochMilli(n.longValue());
        HttpSession session = ctx.req().getSession(false);
        return session == null ? Instant.EPOCH : Instant.ofEpochMilli(session.getCreationTime());
    }

    /**
     * POST /logout: drops the profile and the whole session, and clears the cookie. Our own, not pac4j's
     * LogoutHandler: that one builds a DefaultSessionLogoutHandler, which needs Guava (not in the jar), for
     * single-logout bookkeeping that form sign-in never uses.
     */
    public Handler logout() {
        return ctx -> {
            endSession(ctx);
            ctx.redirect("/login?signedOut=1", HttpStatus.SEE_OTHER);
        };
    }

    private void endSession(Context ctx) {
        signOutQuietly(ctx);
        HttpSession session = ctx.req().getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to end
            }
        }
        Cookies.clear(ctx, SessionStorage.COOKIE);
    }

    /** Checks email and password; throws {@link CredentialsException} when either is wrong. */
    public UserProfile authenticate(Context ctx, String email, String password) {
        UsernamePasswordCredentials credentials = new UsernamePasswordCredentials(email, password);
        accounts.validate(new CallContext(web(ctx), sessionStore(ctx)), credentials);
        return credentials.getUserProfile();
    }

    /**
     * Stores the profile in a fresh session (new session id, so a planted id is worthless), stamped with the
     * account's session epoch and the sign-in time, and gives the browser a fresh CSRF token.
     */
    public void signIn(Context ctx, UserProfile profile) {
        // The epoch normally comes with the account row whose password was just checked (AccountAuthenticator),
        // so a reset landing in between cannot be skipped over.
        if (profile.getAttribute(SESSION_EPOCH) == null) {
            profile.addAttribute(SESSION_EPOCH, accounts.sessionEpoch(Long.parseLong(profile.getId())).orElse(0));
        }
        profile.addAttribute(SIGNED_IN_AT, clock.instant().toEpochMilli());
        SessionStorage.requireReadable(ctx);
        JavalinWebContext web = web(ctx);
        SessionStore store = sessionStore(ctx);
        store.renewSession(web);
        new ProfileManager(web, store).save(true, profile, false);
        Csrf.rotate(ctx);
    }

    /**
     * After this session's own password change (which signed out every session): a new session id and the new
     * epoch, so the person who changed it stays signed in here and nowhere else.
     */
    public void renewAfterPasswordChange(Context ctx, UserProfile account) {
        signIn(ctx, account);
    }

    /** The profile a session keeps for a signed-in account: its id, workspace and session epoch. */
    public static CommonProfile profile(long accountId, long workspaceId, int sessionEpoch) {
        CommonProfile profile = new CommonProfile();
        profile.setId(Long.toString(accountId));
        profile.addAttribute(WORKSPACE_ID, workspaceId);
        profile.addAttribute(SESSION_EPOCH, sessionEpoch);
        profile.setClientName("FormClient");
        return profile;
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
        SessionStorage.requireReadable(ctx);
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
