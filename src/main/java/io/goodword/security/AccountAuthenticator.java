package io.goodword.security;

import io.goodword.account.AccountDao;
import io.goodword.account.Account;
import io.goodword.web.Validation;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.credentials.UsernamePasswordCredentials;
import org.pac4j.core.credentials.authenticator.Authenticator;
import org.pac4j.core.exception.CredentialsException;
import org.pac4j.core.profile.CommonProfile;

/** pac4j authenticator over our own accounts table (argon2id hashes). */
public final class AccountAuthenticator implements Authenticator {
    public static final String WORKSPACE_ID = "workspaceId";
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

    public static CommonProfile profileOf(Account account) {
        CommonProfile profile = new CommonProfile();
        profile.setId(Long.toString(account.id()));
        profile.addAttribute(WORKSPACE_ID, account.workspaceId());
        profile.addAttribute(Auth.SESSION_EPOCH, account.sessionEpoch());
        profile.setClientName("FormClient");
        return profile;
    }
}
