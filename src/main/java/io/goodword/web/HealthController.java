package io.goodword.web;

import io.goodword.db.Database;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /healthz for load balancers and uptime checks; answers within Database.isUp's bound even when the database hangs. */
public final class HealthController {
    private final Database db;

    public HealthController(Database db) { this.db = db; }

    public void health(Context ctx) {
        boolean up = db.isUp();
        ctx.header("Cache-Control", "no-store");
        Map<String, String> body = new LinkedHashMap<>(); // fixed key order: {"status":…,"db":…}
        body.put("status", up ? "up" : "down");
        body.put("db", up ? "up" : "down");
        if (!up) ctx.header("Retry-After", String.valueOf(ErrorPages.RETRY_AFTER_SECONDS));
        ctx.status(up ? 200 : 503).json(body);
    }
}
