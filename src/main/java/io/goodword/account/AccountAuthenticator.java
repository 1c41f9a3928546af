package io.goodword.account;

import io.goodword.security.Auth;
import io.goodword.security.CurrentUser;
import io.goodword.security.Passwords;
import io.goodword.security.SignInAccounts;
import io.goodword.web.Validation;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.credentials.UsernamePasswordCredentials;
import org.pac4j.core.exception.CredentialsException;
import org.pac4j.core.profile.CommonProfile;

/** pac4j authenticator over our own accounts table (argon2id hashes), and what sign-in needs to know of accounts. */
public final class AccountAuthenticator implements SignInAccounts {
    private final AccountDao accounts;

    public AccountAuthenticator(AccountDao accounts) { this.accounts = accounts; }

    @Override
    public Optional<Credentials> validate(CallContext ctx, Credentials credentials) {
        UsernamePasswordCredentials up = (UsernamePasswordCredentials) credentials;
        Optional<Account> account = accounts.findByEmail(Validation.normalizeEmail(up.getUsername()));
        // Always run one argon2 check, so an unknown email takes as long as a wrong password.
        boolean ok = Passwords.matches(up.getPassword(), account.map(Account::passwordHash).orElse(null));
        if (account.isEmpty() || !ok) throw new CredentialsException("bad credentials");
        up.setUserProfile(profileOf(account.get()));
        return Optional.of(up);
    }

    @Override
    public Optional<CurrentUser> signedInUser(long accountId, int sessionEpoch) {
        return accounts.findSignedInUser(accountId, sessionEpoch);
    }

    @Override
    public Optional<Integer> sessionEpoch(long accountId) { return accounts.sessionEpoch(accountId); }

    public static CommonProfile profileOf(Account account) {
        return Auth.profile(account.id(), account.workspaceId(), account.sessionEpoch());
    }
}
