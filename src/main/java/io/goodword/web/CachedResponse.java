package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Bytes rendered once and sent many times (the public wall, widget and feed): plain and gzipped, with their
 * validators and the Last-Modified header already formatted, so the hot path does no rendering, compression or
 * formatting per request. {@link #writeTo} is the one place that answers a conditional GET.
 */
public record CachedResponse(byte[] bytes, byte[] gzipped, String contentType, String etag, Instant lastModified,
                             String lastModifiedHeader) {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public static String httpDate(Instant instant) { return HTTP_DATE.format(instant); }

    /** Sends the bytes straight to the response, or 304 when the visitor's copy is current. */
    public void writeTo(Context ctx) {
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", lastModifiedHeader);
        ctx.header("Cache-Control", "public, no-cache");
        ctx.header("Vary", "Accept-Encoding");
        if (fresh(ctx)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        String encodings = ctx.header("Accept-Encoding");
        boolean gzip = encodings != null && encodings.contains("gzip");
        byte[] body = gzip ? gzipped : bytes;
        HttpServletResponse res = ctx.res();
        res.setContentType(contentType);
        if (gzip) res.setHeader("Content-Encoding", "gzip");
        res.setContentLength(body.length);
        try {
            res.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor went away
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3). */
    private boolean fresh(Context ctx) {
        String inm = ctx.header("If-None-Match");
        if (inm != null) {
            if (inm.strip().equals("*")) return true;
            for (String tag : inm.split(",")) {
                String s = tag.strip();
                if ((s.startsWith("W/") ? s.substring(2) : s).equals(etag)) return true;
            }
            return false;
        }
        String ims = ctx.header("If-Modified-Since");
        if (ims == null) return false;
        try {
            return !lastModified.isAfter(Instant.from(HTTP_DATE.parse(ims)));
        } catch (DateTimeParseException e) {
            return false; // a malformed date means "send it"
        }
    }
}
