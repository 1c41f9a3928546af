package io.goodword.referral;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches a "Who referred you?" answer against the workspace's ambassadors (their name, email or referral code).
 * Pure, so every rule is unit-tested; the service gathers the candidates from the database.
 *
 * <p>Only an exact referral code is strong enough to credit without a person looking: a code is unique and was
 * handed out on purpose. A name or an email, even when it matches exactly, is a suggestion the freelancer confirms
 * (two clients can share a name; a friend can misremember).
 */
public final class ReferrerMatch {
    /** An ambassador to match against: a client of the workspace, with one of their codes when they have one. */
    public record Candidate(long clientId, String name, String email, String code) {}

    /** How the answer matched, strongest first. */
    public enum Kind { CODE, EMAIL, NAME, CLOSE }

    public record Match(long clientId, Kind kind) {
        /** Exact enough to credit at once (an exact referral code). */
        public boolean credits() { return kind == Kind.CODE; }

        /** Exact (code, email or the whole name), as a freelancer typing a referrer by hand needs. */
        public boolean exact() { return kind != Kind.CLOSE; }
    }

    private ReferrerMatch() {}

    /** The code inside an answer: the code itself, or a pasted referral link ending in /r/{code}. */
    public static String code(String answer) {
        if (answer == null) return null;
        String a = answer.strip();
        int r = a.lastIndexOf("/r/");
        if (r >= 0) a = a.substring(r + 3).replaceAll("[/?#].*$", "");
        return ReferralCodes.normalize(a);
    }

    /** Lower case, accents and punctuation gone, one space between words: "  Zoë  O'Brien " → "zoe o brien". */
    public static String normalize(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}@.+_-]+", " ").replaceAll("[.]+(\\s|$)", "$1").strip().replaceAll("\\s+", " ");
    }

    /**
     * The single best ambassador for this answer, or empty when nothing matches or two different ambassadors match
     * equally well (a guess between two people would credit the wrong one half of the time).
     */
    public static Optional<Match> best(String answer, List<Candidate> candidates) {
        String norm = normalize(answer);
        if (norm.isEmpty()) return Optional.empty();
        String code = code(answer);
        String email = FraudRules.normalize(answer);
        Match best = null;
        boolean tie = false;
        for (Candidate c : candidates) {
            Kind k = kind(norm, code, email, c);
            if (k == null) continue;
            if (best == null || k.ordinal() < best.kind().ordinal()) {
                best = new Match(c.clientId(), k);
                tie = false;
            } else if (k == best.kind() && c.clientId() != best.clientId()) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(best);
    }

    private static Kind kind(String norm, String code, String email, Candidate c) {
        if (code != null && code.equals(c.code())) return Kind.CODE;
        String ce = FraudRules.normalize(c.email());
        if (!ce.isEmpty() && email.contains("@") && email.equals(ce)) return Kind.EMAIL;
        String name = normalize(c.name());
        if (name.isEmpty()) return null;
        if (norm.equals(name) || sorted(norm).equals(sorted(name))) return Kind.NAME;
        // close: a typo or two in the whole name ("Ada Lovelance"), an email one letter off, or the first name alone
        int allowed = Math.max(1, name.length() / 6);
        if (distance(norm, name, allowed) <= allowed || distance(sorted(norm), sorted(name), allowed) <= allowed) return Kind.CLOSE;
        if (!ce.isEmpty() && email.contains("@") && distance(email, ce, 1) <= 1) return Kind.CLOSE;
        String first = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
        if (!norm.contains(" ") && norm.length() >= 3 && norm.equals(first)) return Kind.CLOSE;
        return null;
    }

    private static String sorted(String words) {
        return String.join(" ", Arrays.stream(words.split(" ")).sorted(Comparator.naturalOrder()).toList());
    }

    /** Levenshtein distance, stopping early once it exceeds {@code max} (answers are short; this stays cheap). */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
