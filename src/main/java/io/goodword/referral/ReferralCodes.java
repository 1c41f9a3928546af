package io.goodword.referral;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Referral codes: 8 random characters (SecureRandom) from an alphabet without look-alikes (no 0/O, 1/I/l),
 * upper case so they survive being read aloud or typed: 32^8 ≈ 10^12 possible codes.
 */
public final class ReferralCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final Pattern VALID = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferralCodes() {}

    public static String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        return new String(c);
    }

    /** The code as typed, upper-cased, or null when it cannot be a code at all (no database look-up needed). */
    public static String normalize(String typed) {
        if (typed == null) return null;
        String c = typed.strip().toUpperCase(java.util.Locale.ROOT);
        return VALID.matcher(c).matches() ? c : null;
    }
}
