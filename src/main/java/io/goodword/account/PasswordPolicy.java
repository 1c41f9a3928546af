package io.goodword.account;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** At least 10 characters and not one of the passwords attackers try first. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Null when acceptable, else the message key of the problem. */
    public static String problem(String password) {
        if (password == null || password.isEmpty()) return "error.required";
        if (password.length() < MIN_LENGTH) return "error.password.short";
        if (password.length() > MAX_LENGTH) return "error.password.long";
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) return "error.password.common";
        return null;
    }

    private static Set<String> load() {
        var in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt");
        if (in == null) throw new IllegalStateException("common-passwords.txt missing from the class path");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                    .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
