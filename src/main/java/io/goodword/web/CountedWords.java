package io.goodword.web;

import java.text.ChoiceFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a count chooses in a message: each {@code {n,choice,0#clients|1#client|1<clients}} (the JDK's
 * {@link ChoiceFormat} between the commas and the closing brace) becomes the words for argument n, before the
 * message is formatted as any other; the rest of the message is left alone, so apostrophes outside a choice keep
 * meaning themselves. A choice may hold {n} itself ({@code 1#one testimonial|1<{1} testimonials}).
 */
final class CountedWords {
    private static final Pattern CHOICE = Pattern.compile("\\{(\\d+),choice,");

    private CountedWords() {}

    static boolean in(String message) { return message.contains(",choice,"); }

    static String choose(String message, Object[] args) {
        StringBuilder out = new StringBuilder(message.length());
        Matcher m = CHOICE.matcher(message);
        int from = 0;
        while (m.find(from)) {
            int end = closing(message, m.end());
            if (end < 0) break; // not a choice after all: the message stays as written
            int arg = Integer.parseInt(m.group(1));
            out.append(message, from, m.start())
                    .append(new ChoiceFormat(message.substring(m.end(), end)).format(count(arg < args.length ? args[arg] : null)));
            from = end + 1;
        }
        return out.append(message, from, message.length()).toString();
    }

    /** The brace that closes the choice opened before {@code start}, or -1. */
    private static int closing(String s, int start) {
        int depth = 1;
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) == '{') depth++;
            else if (s.charAt(i) == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /** A count; anything else (a count passed as text by mistake) chooses the first form, never an error page. */
    private static double count(Object arg) {
        if (arg instanceof Number n) return n.doubleValue();
        try {
            return arg == null ? Double.NaN : Long.parseLong(String.valueOf(arg).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
