package io.goodword.media;

import io.javalin.http.Context;
import io.goodword.db.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Serves stored images. Names are random and never reused, so browsers may cache them for a year. The file is
 * streamed (Jetty copies it in small buffers), never read whole into the heap, so many parallel downloads of large
 * images cost no more memory than small ones.
 */
public final class MediaController {
    private final ImageStore images;

    public MediaController(ImageStore images) { this.images = images; }

    public void show(Context ctx) throws IOException {
        Path file = images.find(ctx.pathParam("name")).orElseThrow(NotFound::new);
        InputStream in;
        long size;
        try {
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NotFound(); // removed between find and open
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.contentType("image/png");
        ctx.header("Content-Length", Long.toString(size));
        ctx.result(in); // Javalin closes the stream once it is written
    }
}
