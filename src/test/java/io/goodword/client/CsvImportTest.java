package io.goodword.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    @Test
    void headers_are_guessed_and_semicolon_files_are_read() {
        CsvImport.Parsed p = (CsvImport.Parsed) CsvImport.parse("Full name;E-Mail;Firma\nAda Lovelace;ada@example.com;Engines Ltd\n");
        assertThat(p.headers()).containsExactly("Full name", "E-Mail", "Firma");
        assertThat(CsvImport.guess(p.headers())).containsEntry("name", 0).containsEntry("email", 1).containsEntry("company", 2);
    }

    @Test
    void every_row_is_checked_and_duplicates_are_merged_or_skipped_as_chosen() {
        CsvImport.Parsed p = (CsvImport.Parsed) CsvImport.parse("""
                name,email
                Ada,ada@example.com
                ,nobody@example.com
                Grace,grace@example.com
                Ada again,ADA@example.com
                Linus,not-an-email
                """);
        Set<String> existing = Set.of("grace@example.com");
        var merge = new CsvImport.Options(CsvImport.guess(p.headers()), CsvImport.Duplicates.MERGE, true);
        List<CsvImport.RowResult> rows = CsvImport.check(p, merge, "en", existing::contains);
        assertThat(rows).extracting(CsvImport.RowResult::action).containsExactly(CsvImport.Action.CREATE,
                CsvImport.Action.INVALID, CsvImport.Action.MERGE, CsvImport.Action.INVALID, CsvImport.Action.INVALID);
        assertThat(rows.get(1).errors().has("name")).isTrue();
        assertThat(rows.get(3).errors().get("email").key()).isEqualTo("client.import.error.duplicateInFile");
        assertThat(rows.get(1).line()).isEqualTo(3);
        var skip = new CsvImport.Options(CsvImport.guess(p.headers()), CsvImport.Duplicates.SKIP, true);
        assertThat(CsvImport.check(p, skip, "en", existing::contains).get(2).action()).isEqualTo(CsvImport.Action.SKIP);
    }

    @Test
    void empty_or_header_only_files_are_refused_with_a_reason() {
        assertThat(CsvImport.parse("")).isEqualTo(new CsvImport.Unreadable("client.import.error.empty"));
        assertThat(CsvImport.parse("name,email\n")).isEqualTo(new CsvImport.Unreadable("client.import.error.noRows"));
    }
}
