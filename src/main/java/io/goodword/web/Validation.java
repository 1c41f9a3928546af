package io.goodword.web;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small pure checks shared by every form. */
public final class Validation {
    /**
     * RFC 5322 atext, plus letters, marks and digits beyond ASCII (RFC 6531 local parts such as jürgen@). Specials
     * ({@code , ; : ( ) < > [ ] " \\ @}), spaces, control and format characters (U+200B and friends) are not atext.
     */
    private static final String ATEXT = "(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]|[\\p{L}\\p{M}\\p{N}&&[^\\x00-\\x7F]])";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    /** A dot-atom local part (no quoted strings, no comments) of at most 64 characters, and an ASCII host name. */
    private static final Pattern EMAIL = Pattern.compile(
            "^(?=[^@]{1,64}@)" + ATEXT + "+(?:\\." + ATEXT + "+)*@" + LABEL + "(?:\\." + LABEL + ")+$");
    /** Control and format characters: line breaks in headers, invisible and direction-changing characters. */
    private static final Pattern CONTROL_OR_FORMAT = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200D]]");
    private static final Pattern ADDRESS_IN_TEXT = Pattern.compile("([\\p{L}\\p{N}])[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]*(@[A-Za-z0-9.-]+)");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private Validation() {}

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s.trim()).matches();
    }

    public static boolean isHttpUrl(String s) {
        if (s == null || s.length() > 300) return false;
        try {
            URI u = new URI(s.trim());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    public static boolean isColor(String s) { return s != null && COLOR.matcher(s).matches(); }

    /** Trimmed value, or "" for null; form records keep what the user typed. */
    public static String clean(String s) { return s == null ? "" : s.strip(); }

    /**
     * The one canonical form of an email address, as stored and as looked up: NFKC (so a decomposed "i + ̀" and
     * full-width letters become what they look like), then lower case. Lookups compare it exactly (binary).
     */
    public static String normalizeEmail(String s) {
        return Normalizer.normalize(clean(s), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * Text that goes into one line of a mail header (a subject with a client's name in it): control characters
     * (CR, LF, tab) become spaces, format characters (zero-width, bidi overrides) are dropped. The zero-width
     * joiner stays, it only joins emoji.
     */
    public static String singleLine(String s) {
        if (s == null) return null;
        return CONTROL_OR_FORMAT.matcher(s.replaceAll("[\\r\\n\\t]+", " ")).replaceAll("").strip();
    }

    /** An address as it may appear in a log: "j***@example.com" (the domain helps debugging, the person stays unnamed). */
    public static String maskEmail(String s) {
        if (s == null) return null;
        int at = s.lastIndexOf('@');
        if (at <= 0) return "***";
        return s.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "***" + s.substring(at);
    }

    /** Free text (an SMTP server's error) with every address in it masked as by {@link #maskEmail}. */
    public static String maskEmailsIn(String text) {
        return text == null ? null : ADDRESS_IN_TEXT.matcher(text).replaceAll("$1***$2");
    }
}
