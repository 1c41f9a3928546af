package io.goodword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Multipart;
import io.goodword.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** L7: the client CSV import keeps its row and size limits on every path (upload, pasted text, confirm). */
class ClientImportLimitsIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    static String rows(int n) {
        StringBuilder sb = new StringBuilder("name,email\n");
        for (int i = 0; i < n; i++) sb.append("Client ").append(i).append(",c").append(i).append("@example.com\n");
        return sb.toString();
    }

    static long clients(long ws) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM clients WHERE workspace_id = :ws")
                .bind("ws", ws).mapTo(Long.class).one());
    }

    @Test
    void a_confirm_or_preview_without_any_csv_is_a_clear_422_not_a_500() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response confirm = http.post("/admin/clients/import/confirm", Map.of("consent", "1", "map.name", "0", "action", "import"));
        assertThat(confirm.status()).isEqualTo(422);
        assertThat(confirm.html().select(".error").text()).isNotBlank();
        Http.Response preview = http.post("/admin/clients/import", Map.of());
        assertThat(preview.status()).isEqualTo(422);
        Http.Response multipartNothing = http.postMultipart("/admin/clients/import", Map.of(), Map.of());
        assertThat(multipartNothing.status()).isEqualTo(422);
        Http.Response emptyFile = http.postMultipart("/admin/clients/import", Map.of(),
                Map.of("file", new Multipart.FilePart("c.csv", "text/csv", new byte[0])));
        assertThat(emptyFile.status()).isEqualTo(422);
        assertThat(clients(f.workspaceId())).isZero();
    }

    @Test
    void pasted_text_and_the_confirm_step_refuse_more_rows_than_the_limit() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String tooMany = rows(CsvImport.MAX_ROWS + 1);
        Http.Response pasted = http.post("/admin/clients/import", Map.of("csv", tooMany));
        assertThat(pasted.status()).isEqualTo(422);
        assertThat(pasted.html().select("#f-file-error, .error").text()).contains("2000");
        Map<String, String> confirm = new LinkedHashMap<>(Map.of("csv", tooMany, "map.name", "0", "map.email", "1",
                "duplicates", "skip", "consent", "1", "action", "import"));
        Http.Response confirmed = http.post("/admin/clients/import/confirm", confirm);
        assertThat(confirmed.status()).isEqualTo(422);
        assertThat(clients(f.workspaceId())).isZero();
    }

    @Test
    void pasted_text_and_the_confirm_step_refuse_more_characters_than_the_limit() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String big = "name,notes\nAda," + "x".repeat(CsvImport.MAX_CHARS) + "\n";
        Http.Response pasted = http.post("/admin/clients/import", Map.of("csv", big));
        assertThat(pasted.status()).isEqualTo(422);
        Http.Response confirmed = http.post("/admin/clients/import/confirm", Map.of("csv", big, "map.name", "0",
                "consent", "1", "action", "import"));
        assertThat(confirmed.status()).isEqualTo(422);
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        Http.Response uploaded = http.postMultipart("/admin/clients/import", Map.of(),
                Map.of("file", new Multipart.FilePart("c.csv", "text/csv", bytes)));
        assertThat(uploaded.status()).isEqualTo(422);
        assertThat(clients(f.workspaceId())).isZero();
    }

    @Test
    void rows_are_counted_before_they_are_read_so_a_file_of_empty_records_is_refused_too() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        // 5000 one-character records: far more rows than the limit in a few kilobytes.
        String many = "name\n" + "a\n".repeat(5000);
        Http.Response pasted = http.post("/admin/clients/import", Map.of("csv", many));
        assertThat(pasted.status()).isEqualTo(422);
        assertThat(clients(f.workspaceId())).isZero();
    }
}
