package io.goodword.web.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
    private static final CsvTable.Limits LIMITS = CsvTable.Limits.refusing(1000, 2);

    @Test
    void a_spreadsheet_export_with_bom_and_semicolons_reads_as_a_table() {
        var r = CsvTable.parse("\uFEFFFull_Name;E-Mail\n Ada ;ada@example.com\n\n", LIMITS);
        assertThat(r).isInstanceOf(CsvTable.Table.class);
        var t = (CsvTable.Table) r;
        assertThat(t.headers()).containsExactly("Full_Name", "E-Mail");
        assertThat(t.rows()).containsExactly(List.of("Ada", "ada@example.com"));
        assertThat(t.text()).doesNotStartWith("\uFEFF");
        var m = ColumnMapping.guess(t.headers(), List.of("name", "email", "phone"),
                Map.of("name", List.of("full name"), "email", List.of("e-mail"), "phone", List.of("tel")));
        assertThat(m).containsEntry("name", 0).containsEntry("email", 1).doesNotContainKey("phone");
        assertThat(ColumnMapping.cell(t.rows().get(0), m, "phone")).isEmpty();
    }

    @Test
    void tabs_win_only_when_they_are_the_most_frequent() {
        assertThat(CsvTable.delimiter("a\tb\tc;d\n")).isEqualTo('\t');
        assertThat(CsvTable.delimiter("a;b;c\td\n")).isEqualTo(';');
        assertThat(CsvTable.delimiter("a,b\n")).isEqualTo(',');
    }

    @Test
    void limits_refuse_or_truncate_as_the_feature_chooses() {
        String three = "h\n1\n2\n3\n";
        assertThat(CsvTable.parse(three, LIMITS)).isEqualTo(new CsvTable.Refused(CsvTable.Reason.TOO_MANY_ROWS));
        var cut = (CsvTable.Table) CsvTable.parse(three, CsvTable.Limits.truncating(1000, 2));
        assertThat(cut.rows()).hasSize(2);
        assertThat(cut.truncated()).isTrue();
        assertThat(CsvTable.parse("x".repeat(1001), LIMITS)).isEqualTo(new CsvTable.Refused(CsvTable.Reason.TOO_LARGE));
        assertThat(CsvTable.parse("  \n", LIMITS)).isEqualTo(new CsvTable.Refused(CsvTable.Reason.EMPTY));
        assertThat(CsvTable.parse("a,b\n\"broken,1\n", LIMITS)).isEqualTo(new CsvTable.Refused(CsvTable.Reason.UNREADABLE));
    }

    @Test
    void every_text_cell_that_a_spreadsheet_would_run_is_kept_as_text() {
        StringWriter out = new StringWriter();
        try (CsvWriter w = CsvWriter.to(out)) {
            w.row("name", "amount", "tags").row("=HYPERLINK(\"x\")", new BigDecimal("-5.00"), List.of("@a", "b"));
        }
        assertThat(out.toString()).isEqualTo("name,amount,tags\r\n\"'=HYPERLINK(\"\"x\"\")\",-5.00,\"'@a, b\"\r\n");
        assertThat(CsvWriter.safe("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.safe("Plain")).isEqualTo("Plain");
        assertThat(CsvWriter.safe(null)).isEmpty();
        StringWriter bom = new StringWriter();
        CsvWriter.withBom(bom).row("a").flush();
        assertThat(bom.toString()).isEqualTo("\uFEFFa\r\n");
    }
}
