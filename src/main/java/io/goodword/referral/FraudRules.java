package io.goodword.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fraud checks. They only flag: a flagged lead is kept and shown for review, and its rewards are held until
 * a person decides. Pure, so every rule is unit-tested; the service gathers the facts from the database.
 */
public final class FraudRules {
    /** Leads from one IP within {@link #WINDOW_MINUTES} before this one that make it suspicious. */
    static final int IP_LIMIT = 2;
    /** Leads through one code within {@link #WINDOW_MINUTES} before this one that make it suspicious. */
    static final int CODE_LIMIT = 4;
    static final int WINDOW_MINUTES = 60;

    public enum Reason { SELF_REFERRAL, EXISTING_CLIENT, EXISTING_LEAD, SAME_DOMAIN, IP_BURST, CODE_BURST }

    /** Free mail providers: sharing one of these says nothing about two people. */
    static final Set<String> WEBMAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "msn.com", "yahoo.com", "yahoo.de", "yahoo.co.uk", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de",
            "gmx.net", "gmx.com", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "proton.me",
            "protonmail.com", "pm.me", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "posteo.de", "mailbox.org",
            "fastmail.com", "hey.com", "tutanota.com", "tuta.io", "outlook.de", "hotmail.de", "live.de");

    /**
     * What is known when a lead arrives.
     *
     * @param friendEmail      the friend's email as typed
     * @param referrerEmail    the email of the client whose code was used (null for a direct enquiry)
     * @param existingClient   another client of the workspace already has the friend's email
     * @param existingLead     an earlier lead of the workspace has the friend's email
     * @param recentFromIp     leads from the same IP in the last hour (this workspace)
     * @param recentFromCode   leads through the same code in the last hour
     */
    public record Facts(String friendEmail, String referrerEmail, boolean existingClient, boolean existingLead,
                        int recentFromIp, int recentFromCode) {}

    private FraudRules() {}

    public static List<Reason> check(Facts f) {
        List<Reason> reasons = new ArrayList<>();
        String friend = normalize(f.friendEmail());
        String referrer = normalize(f.referrerEmail());
        if (!referrer.isEmpty() && friend.equals(referrer)) reasons.add(Reason.SELF_REFERRAL);
        if (f.existingClient()) reasons.add(Reason.EXISTING_CLIENT);
        if (f.existingLead()) reasons.add(Reason.EXISTING_LEAD);
        if (!referrer.isEmpty() && !friend.equals(referrer)) {
            String d = domain(friend);
            if (!d.isEmpty() && d.equals(domain(referrer)) && !WEBMAIL.contains(d)) reasons.add(Reason.SAME_DOMAIN);
        }
        if (f.recentFromIp() >= IP_LIMIT) reasons.add(Reason.IP_BURST);
        if (f.recentFromCode() >= CODE_LIMIT) reasons.add(Reason.CODE_BURST);
        return reasons;
    }

    static String normalize(String email) {
        if (email == null) return "";
        String e = email.strip().toLowerCase(Locale.ROOT);
        // name+tag@example.com is the same mailbox as name@example.com
        int at = e.indexOf('@');
        int plus = e.indexOf('+');
        if (at > 0 && plus > 0 && plus < at) e = e.substring(0, plus) + e.substring(at);
        return e;
    }

    static String domain(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }
}
