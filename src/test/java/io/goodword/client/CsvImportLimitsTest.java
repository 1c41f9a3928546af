package io.goodword.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** L7: parse keeps both limits, whichever way the text arrived (upload, paste, confirm), and survives no text at all. */
class CsvImportLimitsTest {

    @Test
    void no_text_at_all_is_an_error_key_not_an_exception() {
        assertThat(CsvImport.parse(null)).isEqualTo(new CsvImport.Unreadable("client.import.error.empty"));
        assertThat(CsvImport.parse("   ")).isEqualTo(new CsvImport.Unreadable("client.import.error.empty"));
    }

    @Test
    void one_row_over_the_limit_is_refused_and_the_limit_itself_is_accepted() {
        assertThat(CsvImport.parse("name\n" + "a\n".repeat(CsvImport.MAX_ROWS + 1))).isEqualTo(new CsvImport.Unreadable("client.import.error.tooManyRows"));
        assertThat(CsvImport.parse("name\n" + "a\n".repeat(CsvImport.MAX_ROWS))).isInstanceOf(CsvImport.Parsed.class);
    }

    @Test
    void text_over_the_size_limit_is_refused_before_parsing() {
        assertThat(CsvImport.parse("name\n" + "x".repeat(CsvImport.MAX_CHARS))).isEqualTo(new CsvImport.Unreadable("client.import.error.tooLarge"));
    }

    @Test
    void an_unclosed_quote_is_unreadable_not_a_crash() {
        assertThat(CsvImport.parse("name,email\n\"Ada,ada@example.com\n")).isIn(new CsvImport.Unreadable("client.import.error.unreadable"), new CsvImport.Unreadable("client.import.error.noRows"));
    }
}
