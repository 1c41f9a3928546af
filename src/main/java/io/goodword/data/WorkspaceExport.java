package io.goodword.data;

import io.goodword.web.Json;
import io.goodword.media.ImageStore;
import io.goodword.security.Secrets;
import io.goodword.web.csv.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The whole workspace as one ZIP: {@code manifest.json}, {@code workspace.json}, {@code accounts.json} (no password
 * hashes), one {@code tables/<table>.json} per tenant table (found in information_schema, so tables of every feature
 * are included), CSV files for clients, testimonials, leads and rewards, and the uploaded images under
 * {@code uploads/}, and last {@code signature.json} (ExportSignature: this installation's HMAC over every entry, so
 * an import here can tell its own unchanged archive from any other). Read in one repeatable-read transaction, so the
 * files agree with each other.
 */
public final class WorkspaceExport {
    static final String FORMAT = "goodword-workspace-export";
    static final int VERSION = 1;
    /**
     * Secrets never leave the installation: link tokens are useless elsewhere and dangerous in a file. Webhooks stay
     * too: an endpoint's signing secret, and its URL, which is often the receiver's own credential (Slack, Zapier);
     * deliveries are a transient outbox that may name a client. Counters derived from other tables
     * ({@link DerivedTables}) are recounted, not carried.
     */
    static final Set<String> SKIPPED_TABLES = Stream.concat(Stream.of("accounts", "ask_links", "testimonial_links",
            "webhook_endpoints", "webhook_deliveries"),
            DerivedTables.ALL.stream()).collect(Collectors.toUnmodifiableSet());
    static final Pattern UPLOAD_NAME = Pattern.compile("[0-9a-f]{32}\\.png");
    /** Friendly CSV names for the tables people open in a spreadsheet. */
    static final Map<String, String> CSV = Map.of("clients", "clients.csv", "testimonials", "testimonials.csv",
            "referral_leads", "leads.csv", "referral_rewards", "rewards.csv");

    private final Jdbi jdbi;
    private final ImageStore images;
    private final Clock clock;
    private final ExportSignature signature;

    public WorkspaceExport(Jdbi jdbi, ImageStore images, Clock clock) {
        this.jdbi = jdbi;
        this.images = images;
        this.clock = clock;
        this.signature = new ExportSignature(new Secrets(jdbi));
    }

    static boolean secretColumn(String name) {
        return name.equals("password_hash") || name.equals("token_hash") || name.endsWith("_token_hash")
                || name.endsWith("_secret");
    }

    /** Writes the ZIP to {@code out}; returns how many rows it holds. */
    public int write(long workspaceId, OutputStream out) {
        record Snapshot(Map<String, Object> manifest, Map<String, Object> workspace, List<Map<String, Object>> accounts,
                        Map<String, List<Map<String, Object>>> tables) {}
        Snapshot s = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            SchemaDao schema = new SchemaDao(h);
            RowsDao rows = new RowsDao(h);
            Map<String, List<SchemaDao.Column>> all = schema.columns();
            Map<String, Object> ws = rows.workspace(all.get("workspaces"), workspaceId);
            List<SchemaDao.Column> accountCols = all.get("accounts").stream().filter(c -> !secretColumn(c.name())).toList();
            List<Map<String, Object>> accounts = rows.rows("accounts", accountCols, workspaceId);
            Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
            schema.tenantTables().forEach((table, cols) -> {
                if (SKIPPED_TABLES.contains(table)) return;
                List<SchemaDao.Column> kept = cols.stream().filter(c -> !secretColumn(c.name())).toList();
                tables.put(table, rows.rows(table, kept, workspaceId));
            });
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("version", VERSION);
            manifest.put("schemaVersion", schema.schemaVersion());
            manifest.put("exportedAt", clock.instant().toString());
            manifest.put("workspace", ws.get("slug"));
            Map<String, Integer> counts = new LinkedHashMap<>();
            tables.forEach((t, r) -> counts.put(t, r.size()));
            manifest.put("tables", counts);
            return new Snapshot(manifest, ws, accounts, tables);
        });

        Set<String> uploads = new LinkedHashSet<>();
        collectUploads(s.workspace(), uploads);
        s.tables().values().forEach(list -> list.forEach(r -> collectUploads(r, uploads)));
        List<String> files = new ArrayList<>();
        for (String name : uploads) images.find(name).ifPresent(p -> files.add(name));
        s.manifest().put("uploads", files);

        ExportSignature.Digests digests = new ExportSignature.Digests();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            putJson(zip, digests, "manifest.json", s.manifest());
            putJson(zip, digests, "workspace.json", s.workspace());
            putJson(zip, digests, "accounts.json", s.accounts());
            int total = 0;
            for (var e : s.tables().entrySet()) {
                putJson(zip, digests, "tables/" + e.getKey() + ".json", e.getValue());
                total += e.getValue().size();
                String csv = CSV.get(e.getKey());
                if (csv != null) putCsv(zip, digests, csv, e.getValue());
            }
            for (String name : files) {
                Path p = images.find(name).orElseThrow();
                zip.putNextEntry(new ZipEntry("uploads/" + name));
                try (OutputStream entry = digests.entry("uploads/" + name, zip)) {
                    Files.copy(p, entry);
                }
                zip.closeEntry();
            }
            // last: this installation's signature over every entry above (see ExportSignature)
            zip.putNextEntry(new ZipEntry(ExportSignature.ENTRY));
            zip.write(signature.sign(digests));
            zip.closeEntry();
            zip.finish();
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectUploads(Map<String, Object> row, Set<String> into) {
        for (Object v : row.values()) {
            if (v instanceof String str && UPLOAD_NAME.matcher(str).matches()) into.add(str);
        }
    }

    private void putJson(ZipOutputStream zip, ExportSignature.Digests digests, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (OutputStream entry = digests.entry(name, zip)) {
            Json.PRETTY.writeValue(entry, value);
        }
        zip.closeEntry();
    }

    private static void putCsv(ZipOutputStream zip, ExportSignature.Digests digests, String name, List<Map<String, Object>> rows)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream entry = digests.entry(name, zip);
        Writer w = new OutputStreamWriter(entry, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.withBom(w); // the BOM, so spreadsheet programs read UTF-8
        if (!rows.isEmpty()) {
            csv.row(rows.get(0).keySet());
            for (Map<String, Object> r : rows) csv.row(r.values());
        }
        csv.flush();
        entry.close(); // keeps the digest; the zip stays open
        zip.closeEntry();
    }
}
