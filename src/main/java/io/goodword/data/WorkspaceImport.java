package io.goodword.data;

import io.goodword.media.ImageStore;
import io.goodword.security.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads a {@link WorkspaceExport} ZIP into a fresh workspace (of this or another installation). Everything is driven
 * by the live schema: rows get new ids, every foreign key is remapped through information_schema's key columns
 * (cycles are closed after all rows are in), workspace_id becomes the target, accounts are not imported (the
 * importer's own account stays the only one), images are re-encoded by ImageStore and their new names replace the old.
 * One transaction: an import either lands completely or not at all.
 *
 * <p>An archive is untrusted and may be built to exhaust the server, so nothing is held whole in memory: the upload
 * is spooled to a temporary file and opened as a ZIP, the manifest is checked first (format, version, declared row
 * counts within the caps), tables it does not know refuse the archive before anything is read, entries that are not
 * imported are never decompressed, and each table is stream-parsed row by row straight into inserts, counted against
 * the caps and the uncompressed-bytes budget. Images count against a pixel budget before they are decoded. One import
 * runs at a time per process. Every value passes {@link ImportRules}.
 */
public final class WorkspaceImport {
    static final long MAX_ARCHIVE_BYTES = 20L * 1024 * 1024;
    static final long MAX_UNCOMPRESSED = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_ROWS_PER_TABLE = 100_000;
    static final int MAX_ROWS = 250_000;
    static final int MAX_IMAGES = 2_000;
    static final long MAX_IMAGE_PIXELS = 400_000_000L;
    /** The largest side of an imported image: the largest real use of an image on a page. */
    static final int MAX_SIDE = 1600;
    static final int MAX_SMALL_JSON = 1024 * 1024;
    /** Outgoing mail and webhooks are never replayed (an archive cannot aim this installation's requests anywhere),
     *  old addresses belong to the old workspace, links' secrets were not exported,
     *  the audit log is this installation's own record (an archive cannot write history), and counters derived from
     *  other tables are recounted from what was imported ({@link DerivedTables}). */
    static final Set<String> NOT_IMPORTED = Stream.concat(Stream.of("accounts", "outbox", "workspace_slug_history",
            "ask_links", "audit_log", "testimonial_links", "webhook_endpoints", "webhook_deliveries"),
            DerivedTables.ALL.stream()).collect(Collectors.toUnmodifiableSet());
    /** Workspace columns that describe the installation's copy, not the freelancer's settings. */
    static final Set<String> WORKSPACE_KEPT = Set.of("id", "slug", "created_at", "updated_at", "wall_version");

    /** Why an archive was refused; the key is shown next to the file field. */
    public static final class Rejected extends Exception {
        private final String messageKey;
        private final Object[] args;

        Rejected(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() { return messageKey; }

        public Object[] args() { return args; }
    }

    /**
     * What was imported: rows per table; {@code signed}: the archive carried this installation's signature, so its
     * verified badges, approvals and consent history were kept as proven.
     */
    public record Result(Map<String, Integer> rows, int images, int newCodes, boolean signed) {
        public int total() { return rows.values().stream().mapToInt(Integer::intValue).sum(); }

        /** What the import page says: done, whether referral codes had to change, and whether trust was reset. */
        public String messageKey() {
            return "data.import.done" + (signed ? "" : "Unsigned") + (newCodes > 0 ? "NewCodes" : "");
        }
    }

    private final Jdbi jdbi;
    private final ImageStore images;
    /** One import at a time per process: each may hold a transaction of many rows and decode many images. */
    private final ReentrantLock running = new ReentrantLock();

    private final ExportSignature signature;

    public WorkspaceImport(Jdbi jdbi, ImageStore images) {
        this.jdbi = jdbi;
        this.images = images;
        this.signature = new ExportSignature(new Secrets(jdbi));
    }

    public Result importInto(long workspaceId, long accountId, InputStream zip) throws Rejected {
        if (!running.tryLock()) throw new Rejected("data.import.busy");
        Path spooled = null;
        try {
            spooled = ImportArchive.spool(zip);
            try (ZipFile archive = new ZipFile(spooled.toFile())) {
                return importArchive(workspaceId, accountId, archive);
            }
        } catch (ZipException e) {
            throw new Rejected("data.import.notExport");
        } catch (IOException e) {
            throw new Rejected("data.import.unreadable");
        } finally {
            running.unlock();
            ImportArchive.deleteQuietly(spooled);
        }
    }

    private Result importArchive(long ws, long accountId, ZipFile archive) throws Rejected {
        if (archive.size() > MAX_ENTRIES) throw new Rejected("data.import.tooLarge");
        ImportBudget budget = new ImportBudget();
        ImportArchive.Manifest manifest = ImportArchive.manifest(archive, budget);
        // Written by this installation and unchanged? Then its verified badges and approvals are kept (M1).
        boolean signed = signature.verify(archive, new ImportBudget()::limit);
        Map<String, List<SchemaDao.Column>> tenant = jdbi.withHandle(h -> new SchemaDao(h).tenantTables());
        Map<String, Integer> declared = ImportArchive.tables(archive, manifest, tenant);
        Map<String, Object> workspace = ImportArchive.workspace(archive, budget);
        Map<String, String> renamed = storeImages(archive, manifest, budget);
        try {
            return jdbi.<Result, Rejected>inTransaction(h -> new ImportLoader(h, ws, accountId, renamed, budget, signed)
                    .load(archive, declared, workspace));
        } catch (Rejected | RuntimeException e) {
            renamed.values().forEach(images::delete);
            throw e;
        }
    }

    /**
     * Re-encodes the images the manifest lists (nothing else under uploads/ is read), each counted against the pixel
     * budget from its header before it is decoded. Returns old name → new name; a refused image is left out.
     */
    private Map<String, String> storeImages(ZipFile archive, ImportArchive.Manifest manifest, ImportBudget budget) throws Rejected {
        Map<String, String> renamed = new HashMap<>();
        try {
            for (String name : manifest.uploads()) {
                ZipEntry entry = archive.getEntry("uploads/" + name);
                if (entry == null || renamed.containsKey(name)) continue;
                byte[] bytes = ImportArchive.readLimited(archive, entry, budget, ImageStore.MAX_BYTES);
                if (bytes == null) continue; // larger than any image this installation stores
                budget.pixels(ImportArchive.pixels(bytes));
                try {
                    renamed.put(name, images.store(bytes, MAX_SIDE, ImageStore.Fit.WITHIN));
                } catch (ImageStore.Rejected r) {
                    // not a valid image: rows pointing to it lose the reference
                }
            }
            return renamed;
        } catch (Rejected | RuntimeException e) {
            renamed.values().forEach(images::delete);
            throw e;
        }
    }
}
