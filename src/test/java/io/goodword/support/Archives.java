package io.goodword.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A workspace export's ZIP taken apart and put together again, and uploaded as the import form sends it. */
public final class Archives {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Archives() {}

    /** Every entry of the archive by its name, in the archive's order. */
    public static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    /** An archive of these entries, in the map's order. */
    public static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** The rows of one exported table (tables/NAME.json). */
    public static List<Map<String, Object>> table(Map<String, byte[]> files, String name) throws Exception {
        return JSON.readValue(files.get("tables/" + name + ".json"), new TypeReference<>() {});
    }

    /** The settings page's import form, posted with this archive. */
    public static Http.Response upload(Http http, byte[] zip) {
        return http.postMultipart("/admin/settings/import", Map.of(),
                Map.of("archive", new Multipart.FilePart("export.zip", "application/zip", zip)));
    }
}
