package io.goodword.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.goodword.db.NotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CSS, scripts and icons, read once at start into memory with a content hash in their names
 * ({@code /static/css/app.1a2b3c4d5e.css}), so a browser may keep them for a year and a new release still reaches
 * it at once. Compressed once at start, never per request; conditional GET by ETag. Templates name an asset only
 * through {@link #url}. The plain name keeps working (revalidated on every use) for anything that saved it.
 *
 * <p>The index is built from the class path at class-loading time and never changes: static, but immutable.
 * In dev mode the bytes are read from {@code static/} on disk at each request instead, and never cached.
 */
public final class StaticAssets {
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    record Asset(String name, String hashedName, CachedResponse response) {}

    private record Index(Map<String, Asset> byName, Map<String, Asset> byHashedName) {}

    /** Loaded on first use (holder idiom), i.e. while the server starts. */
    private static final class Holder {
        static final Index INDEX = load();
    }

    private StaticAssets() {}

    /** The URL of a static file by its name under {@code static/}, e.g. {@code url("css/app.css")}. */
    public static String url(String name) {
        Asset a = Holder.INDEX.byName().get(name);
        if (a == null) throw new IllegalArgumentException("no static asset " + name);
        return "/static/" + a.hashedName();
    }

    /** Reads and compresses every asset now, so the first visitor does not pay for it. */
    public static int preload() { return Holder.INDEX.byName().size(); }

    /** {@code GET /static/<path>}. */
    public static Handler files(boolean dev, FastLane lane) {
        return ctx -> serve(ctx, ctx.pathParam("path"), dev, lane);
    }

    /** {@code GET /favicon.ico}: browsers ask for it on every site, whatever the page says. */
    public static Handler favicon(boolean dev, FastLane lane) {
        return ctx -> serve(ctx, "favicon.ico", dev, lane);
    }

    private static void serve(Context ctx, String path, boolean dev, FastLane lane) {
        Index index = Holder.INDEX;
        Asset hashed = index.byHashedName().get(path);
        Asset known = hashed != null ? hashed : index.byName().get(path);
        Asset a = dev ? fromDisk(known != null ? known.name() : path) : known;
        if (a == null) throw new NotFound();
        // dev: always the file on disk; a hashed name never changes; a plain name may, so it is revalidated
        String cacheControl = dev ? "no-cache" : hashed != null ? IMMUTABLE : "public, no-cache";
        if (!dev) lane.remember(ctx, cacheControl, a::response); // the index never changes: current for good
        a.response().writeTo(ctx, cacheControl);
    }

    private static Asset fromDisk(String name) {
        Path root = Path.of("static").toAbsolutePath().normalize();
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) return null;
        try {
            return asset(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Index load() {
        try {
            URI uri = StaticAssets.class.getResource("/static").toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return index(fs.getPath("/static"));
            }
            return index(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("static assets missing from the class path", e);
        }
    }

    private static Index index(Path root) throws IOException {
        Map<String, Asset> byName = new HashMap<>();
        Map<String, Asset> byHashed = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                Asset a = asset(name, Files.readAllBytes(p));
                byName.put(name, a);
                byHashed.put(a.hashedName(), a);
            }
        }
        return new Index(Map.copyOf(byName), Map.copyOf(byHashed));
    }

    static Asset asset(String name, byte[] bytes) {
        CachedResponse response = CachedResponse.of(bytes, contentType(name), null);
        String hash = CachedResponse.sha256(bytes).substring(0, 10);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        String hashed = dot > slash ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
        return new Asset(name, hashed, response);
    }

    private static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return switch (ext) {
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "webp" -> "image/webp";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
