package io.goodword.media;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves stored images. Names are random and never reused, so browsers may cache them for a year. */
public final class MediaController {
    private final ImageStore images;

    public MediaController(ImageStore images) { this.images = images; }

    public void show(Context ctx) throws IOException {
        Path file = images.find(ctx.pathParam("name")).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.contentType("image/png");
        ctx.result(Files.readAllBytes(file));
    }
}
