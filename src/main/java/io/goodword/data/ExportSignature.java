package io.goodword.data;

import io.goodword.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.goodword.security.Secrets;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Proof that an export archive was written by this installation and not changed since: {@value #ENTRY} lists the
 * SHA-256 of every other entry and an HMAC over that list, under a key of this installation (app_secrets, created
 * once). Import keeps the trust only such an archive can carry (verified badges, client approvals); an unsigned,
 * foreign or changed archive imports them as imported, like any untrusted input (review finding M1).
 */
final class ExportSignature {
    static final String ENTRY = "signature.json";
    private static final String KEY = "workspace-export";

    private final Secrets.Signer signer;

    ExportSignature(Secrets secrets) { this.signer = secrets.signer(KEY); }

    /** Collects the digest of each entry as it is written. */
    static final class Digests {
        private final Map<String, String> byEntry = new LinkedHashMap<>();

        /** {@code out} for one entry's bytes; its digest is kept when the returned stream is closed (out stays open). */
        OutputStream entry(String name, OutputStream out) {
            MessageDigest sha = sha256();
            return new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    sha.update((byte) b);
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha.update(b, off, len);
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                    byEntry.put(name, HexFormat.of().formatHex(sha.digest()));
                }
            };
        }
    }

    /** The bytes of {@value #ENTRY} for the entries written so far. */
    byte[] sign(Digests digests) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("entries", digests.byEntry);
        doc.put("mac", signer.sign(canonical(digests.byEntry)));
        return Json.WRITE.writeValueAsBytes(doc);
    }

    /**
     * True when the archive carries this installation's signature and every entry is exactly as signed: the same
     * names, the same bytes. The entries are only read (through {@code limit}, the import's byte budget) once the
     * signature itself checks out, so a foreign archive costs no extra decompression.
     */
    boolean verify(ZipFile archive, UnaryOperator<InputStream> limit) {
        ZipEntry sig = archive.getEntry(ENTRY);
        if (sig == null) return false;
        try {
            JsonNode doc;
            try (InputStream in = limit.apply(archive.getInputStream(sig))) {
                doc = Json.READ.readTree(in.readNBytes(1 << 20));
            }
            Map<String, String> listed = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("entries").fields(); it.hasNext(); ) {
                var e = it.next();
                listed.put(e.getKey(), e.getValue().asText());
            }
            if (listed.isEmpty() || !signer.verify(canonical(listed), doc.path("mac").asText(null))) return false;
            Set<String> present = new HashSet<>();
            for (Enumeration<? extends ZipEntry> en = archive.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                if (!name.equals(ENTRY) && !present.add(name)) return false; // a name twice: which one was signed?
            }
            present.remove(ENTRY);
            if (!present.equals(listed.keySet())) return false;
            for (var e : listed.entrySet()) {
                MessageDigest sha = sha256();
                try (InputStream in = limit.apply(archive.getInputStream(archive.getEntry(e.getKey())))) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
                }
                if (!MessageDigest.isEqual(HexFormat.of().formatHex(sha.digest()).getBytes(StandardCharsets.US_ASCII),
                        e.getValue().getBytes(StandardCharsets.US_ASCII))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // unreadable or over budget: treated as unsigned (the import itself then decides)
        }
    }

    private static String canonical(Map<String, String> entries) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(entries).forEach((name, sha) -> s.append(name).append('\t').append(sha).append('\n'));
        return s.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
