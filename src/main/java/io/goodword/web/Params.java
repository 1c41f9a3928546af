package io.goodword.web;

import io.javalin.http.Context;
import io.goodword.db.NotFound;

/** Typed path parameters. A path id that is not a positive number names no row: a 404, like a foreign id. */
public final class Params {
    private Params() {}

    /** The path parameter {@code name} as a row id; anything else (text, zero, negative, overflow) is a 404. */
    public static long id(Context ctx, String name) {
        long id = parseId(ctx.pathParam(name));
        if (id <= 0) throw new NotFound();
        return id;
    }

    /** The positive id in {@code raw}, or -1. */
    static long parseId(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 19) return -1;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') return -1; // no sign, no spaces, no "1e3"
        }
        try {
            long id = Long.parseLong(raw);
            return id > 0 ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
