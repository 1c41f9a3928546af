package io.goodword.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes prepared once and sent many times (the public wall, widget and feed, and every static file): plain and
 * gzipped, with their validators and the Last-Modified header already formatted, so the hot path does no rendering,
 * compression or formatting per request. {@link #writeTo} is the one place that answers a conditional GET and picks
 * the encoding.
 *
 * <p>The bytes are compressed when a request first accepts gzip, then kept: an uncached page (PUBLIC_CACHE=false)
 * is prepared for one request, and compressing a 31 KB wall for a client that did not ask for it cost ~0.2 ms of
 * CPU per render, more than its two statements' Jdbi work.
 */
public final class CachedResponse {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** Compressed and found no smaller (or not compressible): the plain bytes are sent. */
    private static final byte[] NOT_SMALLER = new byte[0];

    private final byte[] bytes;
    private final String contentType;
    private final String etag;
    /** null where only the ETag validates (static files: their name carries the hash) */
    private final Instant lastModified;
    private final String lastModifiedHeader;
    /** null until a request accepts gzip; two racing requests compress alike, so either result may stay */
    private volatile byte[] gzipped;

    private CachedResponse(byte[] bytes, String contentType, String etag, Instant lastModified) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.etag = etag;
        this.lastModified = lastModified;
        this.lastModifiedHeader = lastModified == null ? null : httpDate(lastModified);
        this.gzipped = compressible(contentType) ? null : NOT_SMALLER;
    }

    public static String httpDate(Instant instant) { return HTTP_DATE.format(instant); }

    /**
     * Prepares bytes: compressed (once, when first asked for) when the type is text and the result is smaller, and an
     * ETag from their SHA-256, so the same bytes always carry the same tag.
     */
    public static CachedResponse of(byte[] bytes, String contentType, Instant lastModified) {
        return new CachedResponse(bytes, contentType, "\"" + sha256(bytes).substring(0, 24) + "\"", lastModified);
    }

    /** The plain bytes. */
    public byte[] bytes() { return bytes; }

    public String contentType() { return contentType; }

    /** The compressed bytes, or null where compressing does not pay (images, or no smaller). */
    byte[] gzipped() {
        byte[] gz = gzipped;
        if (gz == null) {
            byte[] z = gzip(bytes);
            gzipped = gz = z.length < bytes.length ? z : NOT_SMALLER;
        }
        return gz == NOT_SMALLER ? null : gz;
    }

    /** Hex SHA-256 of the bytes: the ETag above, and the content hash in a static file's name. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every use revalidates: for pages whose bytes change when their data does. */
    public static final String REVALIDATED = "public, no-cache";

    /** Sends the bytes with {@link #REVALIDATED}, or 304. */
    public void writeTo(Context ctx) { writeTo(ctx, REVALIDATED); }

    /** Sends the bytes straight to the response, or 304 when the visitor's copy is current; HEAD gets headers only. */
    public void writeTo(Context ctx, String cacheControl) {
        try {
            writeTo(ctx.req(), ctx.res(), cacheControl);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor went away
        }
    }

    /** The same on the servlet exchange: the one way both Javalin's handlers and {@link FastLane} answer. */
    void writeTo(HttpServletRequest req, HttpServletResponse res, String cacheControl) throws IOException {
        res.setHeader("ETag", etag);
        if (lastModifiedHeader != null) res.setHeader("Last-Modified", lastModifiedHeader);
        res.setHeader("Cache-Control", cacheControl);
        res.setHeader("Vary", "Accept-Encoding");
        if (fresh(req)) {
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String encodings = req.getHeader("Accept-Encoding");
        byte[] gz = encodings != null && encodings.contains("gzip") ? gzipped() : null;
        boolean gzip = gz != null;
        byte[] body = gzip ? gz : bytes;
        res.setContentType(contentType);
        if (gzip) res.setHeader("Content-Encoding", "gzip");
        res.setContentLength(body.length);
        if ("HEAD".equals(req.getMethod())) return;
        res.getOutputStream().write(body);
    }

    /**
     * Sends the bytes with this status and nothing else of this class's own: no validators, no 304, no compression
     * (a site's 404 page, as the full path sends it with {@code ctx.result}); HEAD gets headers only.
     */
    void writePlain(HttpServletRequest req, HttpServletResponse res, int status) throws IOException {
        res.setStatus(status);
        res.setContentType(contentType);
        res.setContentLength(bytes.length);
        if ("HEAD".equals(req.getMethod())) return;
        res.getOutputStream().write(bytes);
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3); weak and strong tags compare alike for GET. */
    private boolean fresh(HttpServletRequest req) {
        String inm = req.getHeader("If-None-Match");
        if (inm != null) {
            if (inm.strip().equals("*")) return true;
            for (String tag : inm.split(",")) {
                String s = tag.strip();
                if ((s.startsWith("W/") ? s.substring(2) : s).equals(etag)) return true;
            }
            return false;
        }
        String ims = req.getHeader("If-Modified-Since");
        if (ims == null || lastModified == null) return false;
        try {
            return !lastModified.isAfter(Instant.from(HTTP_DATE.parse(ims)));
        } catch (DateTimeParseException e) {
            return false; // a malformed date means "send it"
        }
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.contains("javascript") || type.contains("json") || type.contains("xml")
                || type.contains("svg") || type.contains("icon");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
