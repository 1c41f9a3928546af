package io.goodword.db;

/**
 * The one domain "not found": a service throws it for a missing or foreign row without knowing HTTP; the web layer
 * ({@code web/ErrorPages}) answers it with a 404. Cheap (no stack trace): it is an answer, not a bug.
 */
public class NotFound extends RuntimeException {
    public NotFound() { super("not found", null, false, false); }

    public NotFound(String what) { super(what, null, false, false); }
}
