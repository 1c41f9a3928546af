package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reading one uploaded file of a multipart form, with its size rule in one place. */
public final class Uploads {
    private Uploads() {}

    /** What the form sent in one file field. */
    public sealed interface Upload permits None, TooLarge, File {}

    /** No file chosen, or an empty one. */
    public record None() implements Upload {}

    /** Over the limit: nothing beyond the limit was read. */
    public record TooLarge(long maxBytes) implements Upload {}

    /** The file's bytes, with the name and type the browser claimed (sniff the bytes, never trust these). */
    public record File(String filename, String contentType, byte[] bytes) implements Upload {}

    /**
     * The file in {@code field}, at most {@code maxBytes} long. The declared size is checked first, and the stream is
     * read to at most one byte past the limit, so a part that lies about its size cannot make us buffer more.
     */
    public static Upload read(Context ctx, String field, long maxBytes) {
        UploadedFile f = ctx.uploadedFile(field);
        if (f == null || f.size() == 0) return new None();
        if (f.size() > maxBytes) return new TooLarge(maxBytes);
        try (InputStream in = f.content()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1));
            if (bytes.length > maxBytes) return new TooLarge(maxBytes);
            if (bytes.length == 0) return new None();
            return new File(f.filename(), f.contentType(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a file, or null for none or too large (for callers that report size elsewhere). */
    public static byte[] bytesOrNull(Upload u) { return u instanceof File f ? f.bytes() : null; }
}
