package io.goodword.data;

import static io.goodword.data.WorkspaceImport.MAX_ARCHIVE_BYTES;
import static io.goodword.data.WorkspaceImport.MAX_IMAGES;
import static io.goodword.data.WorkspaceImport.MAX_ROWS;
import static io.goodword.data.WorkspaceImport.MAX_ROWS_PER_TABLE;
import static io.goodword.data.WorkspaceImport.MAX_SMALL_JSON;
import static io.goodword.data.WorkspaceImport.NOT_IMPORTED;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.data.WorkspaceImport.Rejected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reading an untrusted export archive without holding it whole: the spooled upload, the manifest and workspace
 * (small JSON, size-capped), the list of tables, image headers, and the row-by-row parser of a table entry.
 */
final class ImportArchive {
    static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_SMALL_JSON).maxNestingDepth(50).build())
            .build();
    private static final ObjectMapper JSON = new ObjectMapper(JSON_FACTORY);

    private ImportArchive() {}

    record Manifest(Map<String, Integer> tables, List<String> uploads) {}

/** Format and version first; declared row counts within the caps before a single row is read. */
    static Manifest manifest(ZipFile archive, ImportBudget budget) throws Rejected {
        ZipEntry entry = archive.getEntry("manifest.json");
        if (entry == null) throw new Rejected("data.import.notExport");
        JsonNode m = smallJson(archive, entry, budget);
        if (!WorkspaceExport.FORMAT.equals(m.path("format").asText())) throw new Rejected("data.import.notExport");
        if (!m.path("version").canConvertToInt() || m.path("version").asInt() > WorkspaceExport.VERSION) {
            throw new Rejected("data.import.newerVersion");
        }
        Map<String, Integer> tables = new LinkedHashMap<>();
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("tables").fields(); it.hasNext(); ) {
            var t = it.next();
            long n = t.getValue().asLong(-1);
            if (n < 0 || n > MAX_ROWS_PER_TABLE || (total += n) > MAX_ROWS) throw new Rejected("data.import.tooManyRows", shown(t.getKey()));
            tables.put(t.getKey(), (int) n);
        }
        List<String> uploads = new ArrayList<>();
        for (JsonNode u : m.path("uploads")) {
            if (WorkspaceExport.UPLOAD_NAME.matcher(u.asText()).matches()) uploads.add(u.asText());
        }
        if (uploads.size() > MAX_IMAGES) throw new Rejected("data.import.tooManyImages", MAX_IMAGES);
        return new Manifest(tables, uploads);
    }

    /**
     * The tables to load, with the row counts the manifest declares. A table this installation does not know refuses
     * the archive (its data would be lost silently); entries that are not imported are never read.
     */
    static Map<String, Integer> tables(ZipFile archive, Manifest manifest, Map<String, List<SchemaDao.Column>> tenant)
            throws Rejected {
        Map<String, Integer> declared = new LinkedHashMap<>();
        for (var entries = archive.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!name.startsWith("tables/") || !name.endsWith(".json")) continue;
            String table = name.substring("tables/".length(), name.length() - ".json".length());
            if (NOT_IMPORTED.contains(table)) continue;
            if (!tenant.containsKey(table)) throw new Rejected("data.import.unknownTable", shown(table));
            declared.put(table, manifest.tables().getOrDefault(table, 0));
        }
        return declared;
    }

    static Map<String, Object> workspace(ZipFile archive, ImportBudget budget) throws Rejected {
        ZipEntry entry = archive.getEntry("workspace.json");
        if (entry == null) return null;
        JsonNode ws = smallJson(archive, entry, budget);
        if (!ws.isObject()) throw new Rejected("data.import.notExport");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ws.fields(); it.hasNext(); ) {
            var f = it.next();
            JsonNode v = f.getValue();
            out.put(f.getKey(), v.isNull() ? null : v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue()
                    : v.isTextual() ? v.asText() : List.of());
        }
        return out;
    }

    static JsonNode smallJson(ZipFile archive, ZipEntry entry, ImportBudget budget) throws Rejected {
        try {
            return JSON.readTree(readLimited(archive, entry, budget, MAX_SMALL_JSON));
        } catch (IOException e) {
            throw new Rejected("data.import.notExport");
        }
    }

    /** Width × height from the image header, without decoding; 0 when unreadable (ImageStore then refuses it). */
    static long pixels(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return 0;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The entry's bytes, or null when it holds more than {@code limit}; counted against the budget. */
    static byte[] readLimited(ZipFile archive, ZipEntry entry, ImportBudget budget, long limit) throws Rejected {
        try (InputStream in = budget.limit(archive.getInputStream(entry))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > limit) return null;
            }
            return out.toByteArray();
        } catch (ImportBudget.TooLarge e) {
            throw new Rejected("data.import.tooLarge");
        } catch (IOException e) {
            throw new Rejected("data.import.unreadable");
        }
    }

    /** The upload, copied to a private temporary file so the ZIP can be read entry by entry in any order. */
    static Path spool(InputStream in) throws IOException, Rejected {
        Path file = Files.createTempFile("goodword-import-", ".zip"); // owner-only permissions
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                if ((total += n) > MAX_ARCHIVE_BYTES) throw new Rejected("data.import.tooLarge");
                out.write(buf, 0, n);
            }
            return file;
        } catch (IOException | Rejected | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed by the OS's temp cleaning
        }
    }

    /** A name from the archive, shortened for the message next to the field (it is escaped there). */
    static String shown(String name) { return name.length() > 64 ? name.substring(0, 64) + "…" : name; }

    /**
     * One row object from the parser, scalars only, keeping just the table's columns (anything else is skipped without
     * being held). A nested value becomes an empty list, which {@link ImportRules} refuses.
     */
    static Map<String, Object> readRow(JsonParser p, Map<String, SchemaDao.Column> columns) throws IOException {
        Map<String, Object> row = new HashMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!columns.containsKey(name)) {
                p.skipChildren();
                continue;
            }
            row.put(name, scalar(p, v));
        }
        return row;
    }

    static Object scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> {
                p.skipChildren();
                yield List.of();
            }
        };
    }
}
