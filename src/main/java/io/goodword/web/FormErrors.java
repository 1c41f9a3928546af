package io.goodword.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages by field name (message key + arguments); "" is the form-wide message. */
public final class FormErrors {
    public record Message(String key, Object[] args) {}

    private final Map<String, Message> byField = new LinkedHashMap<>();

    public static FormErrors none() { return new FormErrors(); }

    public static FormErrors of(String field, String key, Object... args) {
        return new FormErrors().add(field, key, args);
    }

    /** Adds a message unless the field already has one (the first problem is the one to fix). */
    public FormErrors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, new Message(key, args));
        return this;
    }

    public boolean isEmpty() { return byField.isEmpty(); }

    public boolean has(String field) { return byField.containsKey(field); }

    public Message get(String field) { return byField.get(field); }

    public Map<String, Message> all() { return Map.copyOf(byField); }

    /** The form-wide message, if any. */
    public Message global() { return byField.get(""); }

    // ---- common checks, so every form validates the same way ----

    public FormErrors required(String field, String value) { return required(field, value, "error.required"); }

    /** Required, with a message that says what belongs there (where "Please fill this in." would not). */
    public FormErrors required(String field, String value, String key) {
        if (value == null || value.isBlank()) add(field, key);
        return this;
    }

    public FormErrors maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) add(field, "error.tooLong", max);
        return this;
    }

    public FormErrors email(String field, String value) {
        if (value != null && !value.isBlank() && !Validation.isEmail(value)) add(field, "error.email");
        return this;
    }

    public FormErrors url(String field, String value) {
        if (value != null && !value.isBlank() && !Validation.isHttpUrl(value)) add(field, "error.url");
        return this;
    }
}
