package io.goodword.data;

import static io.goodword.support.Archives.table;
import static io.goodword.support.Archives.unzip;
import static io.goodword.support.Archives.upload;
import static io.goodword.support.Archives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.casestudy.Markdown;
import io.goodword.media.ImageStore;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An import archive is untrusted: it can neither exhaust the server nor put unsafe content or false trust in place. */
class HostileImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far below what buffering the 30 MB bomb needs (the byte array alone is 30 MB, its parsed maps ~800 MB). */
    private static final long HEAP_BOUND = 24L * 1024 * 1024;
    @RegisterExtension
    private static final AppExtension app = new AppExtension();
    private static WorkspaceImport importer;

    @BeforeAll
    static void start() throws Exception {
        importer = new WorkspaceImport(TestDb.jdbi(), new ImageStore(Files.createTempDirectory("gw-import-uploads"), TestDb.jdbi(), java.time.Clock.systemUTC()));
    }

    private static byte[] manifest(Map<String, Integer> tables) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "goodword-workspace-export");
        m.put("version", 1);
        m.put("tables", tables);
        m.put("uploads", List.of());
        return JSON.writeValueAsBytes(m);
    }

    /** A zip whose entry {@code name} holds {@code prefix}, then {@code unit} {@code times} times, then {@code suffix}. */
    private static byte[] bomb(Map<String, Integer> declared, String name, String prefix, String unit, int times, String suffix)
            throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest(declared));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = unit.repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < times / 10_000; i++) zip.write(chunk);
            zip.write(suffix.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] emptyRowsBomb(String table) throws Exception {
        return bomb(Map.of("clients", 100_000), "tables/" + table + ".json", "[", "{},", 10_000_000, "{}]");
    }

    /** Bytes allocated by this thread while the import runs: what buffering would cost, independent of timing. */
    private static long allocatedDuring(long ws, long account, byte[] zip, AtomicReference<WorkspaceImport.Rejected> refused) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        try {
            importer.importInto(ws, account, new ByteArrayInputStream(zip));
        } catch (WorkspaceImport.Rejected r) {
            refused.set(r);
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void a_29_kb_bomb_of_empty_rows_is_refused_with_a_message_and_bounded_heap() throws Exception {
        byte[] unknownTable = emptyRowsBomb("zzz_pad");
        byte[] knownTable = emptyRowsBomb("clients");
        assertThat(unknownTable.length).isLessThan(64 * 1024);

        Fixtures.Freelancer f = Fixtures.freelancer();
        Http.Response r = upload(Fixtures.signedIn(app, f), unknownTable);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-archive-error").text()).contains("does not know (zzz_pad)");
        Http.Response known = upload(Fixtures.signedIn(app, f), knownTable);
        assertThat(known.status()).isEqualTo(422);
        assertThat(known.html().select("#f-archive-error").text()).contains("cannot store: clients, row 1");

        for (byte[] zip : List.of(unknownTable, knownTable)) {
            AtomicReference<WorkspaceImport.Rejected> refused = new AtomicReference<>();
            assertThat(allocatedDuring(f.workspaceId(), f.accountId(), zip, refused)).isLessThan(HEAP_BOUND);
            assertThat(refused.get()).isNotNull();
        }
        assertThat(TestDb.jdbi().onDemand(io.goodword.client.ClientDao.class).all(f.workspaceId())).isEmpty();
    }

    @Test
    void an_archive_beyond_50_mb_uncompressed_is_refused_while_streaming() throws Exception {
        byte[] spaces = bomb(Map.of("clients", 1), "tables/clients.json", "[", " ", 60_000_000, "]");
        Fixtures.Freelancer f = Fixtures.freelancer();
        AtomicReference<WorkspaceImport.Rejected> refused = new AtomicReference<>();
        assertThat(allocatedDuring(f.workspaceId(), f.accountId(), spaces, refused)).isLessThan(HEAP_BOUND);
        assertThat(refused.get().messageKey()).isEqualTo("data.import.tooLarge");
    }

    @Test
    void entries_that_are_not_imported_are_skipped_without_being_read() throws Exception {
        byte[] zip = bomb(Map.of(), "tables/audit_log.json", "[", "{},", 10_000_000, "{}]");
        Fixtures.Freelancer f = Fixtures.freelancer();
        AtomicReference<WorkspaceImport.Rejected> refused = new AtomicReference<>();
        assertThat(allocatedDuring(f.workspaceId(), f.accountId(), zip, refused)).isLessThan(HEAP_BOUND);
        assertThat(refused.get()).isNull();
    }

    @Test
    void rows_beyond_what_the_manifest_declares_refuse_the_archive() throws Exception {
        byte[] zip = bomb(Map.of("clients", 2), "tables/clients.json", "[", "{\"name\":\"Clone\"},", 10_000,
                "{\"name\":\"Last\"}]");
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http.Response r = upload(Fixtures.signedIn(app, f), zip);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.html().select("#f-archive-error").text()).contains("too many rows (clients)");
        assertThat(TestDb.jdbi().onDemand(io.goodword.client.ClientDao.class).all(f.workspaceId())).isEmpty();
    }

    @Test
    void only_one_import_runs_at_a_time_and_the_second_is_told_so() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream stalled = new InputStream() {
            @Override
            public int read() { return read(new byte[1], 0, 1); }

            @Override
            public int read(byte[] b, int off, int len) {
                reading.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        Fixtures.Freelancer first = Fixtures.freelancer();
        Fixtures.Freelancer second = Fixtures.freelancer();
        Thread running = new Thread(() -> {
            try {
                importer.importInto(first.workspaceId(), first.accountId(), stalled);
            } catch (WorkspaceImport.Rejected ignored) {
                // an empty upload is not an export
            }
        });
        running.start();
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        byte[] valid = bomb(Map.of(), "accounts.json", "[", "", 0, "]");
        WorkspaceImport.Rejected busy = catchThrowableOfType(
                () -> importer.importInto(second.workspaceId(), second.accountId(), new ByteArrayInputStream(valid)),
                WorkspaceImport.Rejected.class);
        assertThat(busy.messageKey()).isEqualTo("data.import.busy");
        release.countDown();
        running.join(30_000);
        assertThat(importer.importInto(second.workspaceId(), second.accountId(), new ByteArrayInputStream(valid)).total()).isZero();
    }

    @Test
    void an_unchanged_export_of_this_installation_keeps_verified_badges_and_approvals_and_a_changed_or_unsigned_one_does_not()
            throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Seed.client(TestDb.jdbi(), a.workspaceId(), "Vera Signed-" + Fixtures.unique("n"));
        long study = one("SELECT id FROM case_studies WHERE workspace_id = ?", Long.class, a.workspaceId());
        long version = one("SELECT current_version_id FROM case_studies WHERE id = ?", Long.class, study);
        TestDb.jdbi().useHandle(h -> {
            h.execute("UPDATE testimonials SET verified = 1 WHERE workspace_id = ?", a.workspaceId());
            h.execute("INSERT INTO case_study_approvals (workspace_id, case_study_id, version_id, sent_to, token_hash, status,"
                    + " requested_at, expires_at, answered_at) VALUES (?, ?, ?, 'client@example.org', ?, 'approved',"
                    + " NOW(6), NOW(6) + INTERVAL 30 DAY, NOW(6))", a.workspaceId(), study, version,
                    io.goodword.security.Tokens.sha256(io.goodword.security.Tokens.random()));
        });
        byte[] export = Downloads.post(Fixtures.signedIn(app, a), "/admin/settings/export").body();
        Map<String, byte[]> files = unzip(export);
        assertThat(files).containsKey("signature.json");

        Fixtures.Freelancer same = Fixtures.freelancer();
        assertThat(upload(Fixtures.signedIn(app, same), export).status()).isEqualTo(303);
        assertThat(one("SELECT MIN(verified) FROM testimonials WHERE workspace_id = ?", Boolean.class, same.workspaceId()))
                .as("this installation's own, unchanged archive keeps its verified badges").isTrue();
        assertThat(one("SELECT status FROM case_study_approvals WHERE workspace_id = ?", String.class, same.workspaceId()))
                .isEqualTo("approved");

        List<Map<String, Object>> testimonials = table(files, "testimonials");
        testimonials.get(0).put("body", "Words the client never wrote, still marked verified.");
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put("tables/testimonials.json", JSON.writeValueAsBytes(testimonials));
        Map<String, byte[]> unsigned = new LinkedHashMap<>(files);
        unsigned.remove("signature.json");
        for (var archive : Map.of("changed after signing", changed, "unsigned", unsigned).entrySet()) {
            Fixtures.Freelancer other = Fixtures.freelancer();
            assertThat(upload(Fixtures.signedIn(app, other), zip(archive.getValue())).status()).as(archive.getKey()).isEqualTo(303);
            assertThat(one("SELECT MAX(verified) FROM testimonials WHERE workspace_id = ?", Boolean.class, other.workspaceId()))
                    .as(archive.getKey() + ": imported, not verified").isFalse();
            assertThat(one("SELECT status FROM case_study_approvals WHERE workspace_id = ?", String.class, other.workspaceId()))
                    .as(archive.getKey()).isEqualTo("superseded");
        }
    }

    private static <T> T one(String sql, Class<T> type, Object... args) {
        return TestDb.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(type).one();
        });
    }

    private static final String EVIL_HTML = "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/login\">"
            + "<script>alert(1)</script><img src=x onerror=alert(2)><form action=\"/login\"><input name=password></form>";

    @Test
    void a_malicious_archive_imports_with_every_value_neutralised_and_no_trust() throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Seed.Rich seeded = Seed.client(TestDb.jdbi(), a.workspaceId(), "Mallory Source-" + Fixtures.unique("n"));
        Map<String, byte[]> files = unzip(Downloads.post(Fixtures.signedIn(app, a), "/admin/settings/export").body());

        List<Map<String, Object>> testimonials = table(files, "testimonials");
        testimonials.get(0).putAll(Map.of("rating", 9, "status", "<b>x</b>", "verified", 1, "website", "javascript:alert(3)"));
        List<Map<String, Object>> studies = table(files, "case_studies");
        Map<String, Object> study = studies.get(0);
        study.put("status", "PUBLISHED");
        study.put("published_version_id", study.get("current_version_id"));
        study.put("published_at", "2026-03-02 10:15:30.000000");
        List<Map<String, Object>> versions = table(files, "case_study_versions");
        Map<String, Object> content = new LinkedHashMap<>(Map.of("title", "Evil study", "challengeMd", "Plain *words*",
                "challengeHtml", EVIL_HTML, "approachMd", "", "approachHtml", EVIL_HTML, "resultsHtml", EVIL_HTML,
                "ctaText", "Click", "ctaUrl", "javascript:alert(4)"));
        versions.get(0).put("content", JSON.writeValueAsString(content));
        Map<String, Object> approval = new LinkedHashMap<>(Map.of("id", 999_999, "workspace_id", a.workspaceId(),
                "case_study_id", study.get("id"), "version_id", versions.get(0).get("id"), "sent_to", "client@example.org",
                "status", "APPROVED", "requested_at", "2026-03-02 10:15:30.000000", "expires_at", "2026-04-02 10:15:30.000000"));
        List<Map<String, Object>> forgedAudit = List.of(new LinkedHashMap<>(Map.of("id", 1, "workspace_id", a.workspaceId(),
                "actor", "auditor@example.org", "action", "forged.entry", "detail", "never happened")));
        files.put("tables/testimonials.json", JSON.writeValueAsBytes(testimonials));
        files.put("tables/case_studies.json", JSON.writeValueAsBytes(studies));
        files.put("tables/case_study_versions.json", JSON.writeValueAsBytes(versions));
        files.put("tables/case_study_approvals.json", JSON.writeValueAsBytes(List.of(approval)));
        files.put("tables/audit_log.json", JSON.writeValueAsBytes(forgedAudit));
        Map<String, Object> manifest = JSON.readValue(files.get("manifest.json"), new TypeReference<>() {});
        @SuppressWarnings("unchecked") Map<String, Object> counts = (Map<String, Object>) manifest.get("tables");
        counts.put("case_study_approvals", 1);
        files.put("manifest.json", JSON.writeValueAsBytes(manifest));

        Fixtures.Freelancer b = Fixtures.freelancer();
        Http httpB = Fixtures.signedIn(app, b);
        assertThat(upload(httpB, zip(files)).status()).isEqualTo(303);

        long t = one("SELECT id FROM testimonials WHERE workspace_id = ?", Long.class, b.workspaceId());
        assertThat(one("SELECT rating FROM testimonials WHERE id = ?", Integer.class, t)).isBetween(1, 5);
        assertThat(one("SELECT status FROM testimonials WHERE id = ?", String.class, t)).isEqualTo("pending");
        assertThat(one("SELECT verified FROM testimonials WHERE id = ?", Boolean.class, t)).isFalse();
        assertThat(one("SELECT website FROM testimonials WHERE id = ?", String.class, t)).isEmpty();
        String stored = one("SELECT v.content FROM case_study_versions v WHERE v.workspace_id = ?", String.class, b.workspaceId());
        assertThat(stored).doesNotContain("http-equiv").doesNotContain("<script").doesNotContain("onerror")
                .doesNotContain("<form").doesNotContain("javascript:");
        Map<String, Object> safe = JSON.readValue(stored, new TypeReference<>() {});
        assertThat(safe.get("challengeHtml")).isEqualTo(Markdown.toSafeHtml("Plain *words*"));
        assertThat(safe.get("approachHtml")).isEqualTo("");
        assertThat(one("SELECT status FROM case_study_approvals WHERE workspace_id = ?", String.class, b.workspaceId()))
                .isEqualTo("superseded");
        // the archive spelled it as exports before V61 did: read in any case, stored as every status is
        assertThat(one("SELECT status FROM case_studies WHERE workspace_id = ?", String.class, b.workspaceId()))
                .isEqualTo("published");
        assertThat(one("SELECT COUNT(*) FROM audit_log WHERE workspace_id = ? AND action = 'forged.entry'", Integer.class,
                b.workspaceId())).isZero();
        // The published page of the importing workspace shows none of the planted markup.
        String slug = one("SELECT slug FROM case_studies WHERE workspace_id = ?", String.class, b.workspaceId());
        Http.Response page = app.http().get("/p/" + b.slug() + "/case-studies/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Evil study").doesNotContain("http-equiv").doesNotContain("alert(")
                .doesNotContain("action=\"/login\"");
        assertThat(seeded.clientId()).isPositive();
    }
}
