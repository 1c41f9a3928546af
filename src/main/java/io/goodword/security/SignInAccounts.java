package io.goodword.security;

import java.util.Optional;
import org.pac4j.core.credentials.authenticator.Authenticator;

/**
 * What sign-in needs to know of accounts, provided by the account feature (account/AccountAuthenticator): the
 * password check, and whether a session's account still exists with the session epoch it was stamped with.
 */
public interface SignInAccounts extends Authenticator {
    /** The user behind a session, if the account exists and its session epoch is still {@code sessionEpoch}. */
    Optional<CurrentUser> signedInUser(long accountId, int sessionEpoch);

    Optional<Integer> sessionEpoch(long accountId);
}
