package io.goodword.web;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;
import java.util.Locale;
import java.util.Map;

/**
 * One language's messages; templates call {@code t.localize("key", args)} and arguments are escaped there. A whole
 * number among the arguments reads the language's way ({@link Numbers#whole}: "2,000" / "2.000"), so a count needs no
 * formatting of its own; pass anything that is not a quantity (a year, a code) as a String.
 * <p>
 * A count that changes the words around it is a choice in the message ({@link CountedWords}):
 * {@code {0} {0,choice,0#clients|1#client|1<clients}}, so no template picks between two keys ("1 clients" was on
 * the ambassadors page).
 */
public record Localizer(String lang, Map<String, String> messages) implements LocalizationSupport {

    @Override
    public Content localize(String key, Object... params) {
        String message = messages.get(key);
        if (message == null || !CountedWords.in(message)) return LocalizationSupport.super.localize(key, grouped(params));
        String words = CountedWords.choose(message, params);
        LocalizationSupport chosen = k -> words; // jte's own formatting and escaping of the arguments, as for any message
        return chosen.localize(key, grouped(params));
    }

    /** This language's locale, for {@link Numbers}, {@link Money} and {@link Dates}. */
    public Locale locale() { return Locale.forLanguageTag(lang); }

    /** A count as this language groups it ("2,000" / "2.000"), for a template that shows one outside a message. */
    public String number(long n) { return Numbers.whole(n, locale()); }

    /** A decimal with one digit after the separator in this language ("4.8" / "4,8"). */
    public String oneDecimal(double v) { return Numbers.decimal(v, 1, locale()); }

    private Object[] grouped(Object[] params) {
        Object[] out = params;
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Integer || p instanceof Long) {
                if (out == params) out = params.clone();
                out[i] = Numbers.whole(((Number) p).longValue(), locale());
            }
        }
        return out;
    }

    /**
     * The message for a template. jte outputs it as trusted markup, so a key that is not a message (e.g. built from a
     * status column holding something unexpected) comes back HTML-escaped: visible as a bug, never as markup.
     */
    @Override
    public String lookup(String key) {
        String message = messages.get(key);
        return message != null ? message : Markup.escape(key);
    }

    /**
     * A status (or any enum value shown to people) as a word of this language: the message
     * {@code status.<enum>.<value>}, e.g. {@code status.projectStatus.active} = "Active" / "Aktiv", where {@code <enum>}
     * is the enum's name with its enclosing class ({@code Lead.Status} → {@code leadStatus}). The one way status
     * words reach admin pages, so a code word ("answered", "ACTIVE") never shows through; a value without a message
     * (a status added without its words) reads as its name in lower case rather than as a key. Plain text:
     * templates escape it.
     */
    public String status(Enum<?> value) {
        if (value == null) return "";
        String message = messages.get(statusKey(value));
        return message != null ? message : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The message key of {@link #status}. */
    public static String statusKey(Enum<?> value) {
        String binary = value.getDeclaringClass().getName();
        String simple = binary.substring(binary.lastIndexOf('.') + 1).replace("$", "");
        return "status." + Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "."
                + value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A language code as the language's name in this language ("de" → "German" / "Deutsch"), or the code itself when
     * Java knows no name for it; plain text.
     */
    public String language(String code) {
        if (code == null || code.isBlank()) return "";
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale());
        return name.isBlank() ? code : name;
    }

    /** A message as plain text with {0}, {1}… replaced, for Java-side use (emails, JSON, headers). */
    public String text(String key, Object... args) {
        String s = messages.getOrDefault(key, key);
        if (CountedWords.in(s)) s = CountedWords.choose(s, args);
        Object[] values = grouped(args);
        for (int i = 0; i < values.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return s;
    }
}
