package io.goodword.db;

/**
 * A unique key was violated (MariaDB error 1062, SQLState 23000). Thrown by the Jdbi exception handler that
 * {@link Database} registers, so a service catches this, not SQL details, where it turns into a form error.
 */
public final class DuplicateKey extends RuntimeException {
    private final String key;

    public DuplicateKey(String key, Throwable cause) {
        super("duplicate key " + key, cause);
        this.key = key;
    }

    /** The violated key's name, e.g. "uq_workspace_slug", or "" when the driver did not say. */
    public String key() { return key; }

    /** True when the violated key is {@code name}. */
    public boolean is(String name) { return key.equals(name); }
}
