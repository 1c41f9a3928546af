package io.goodword.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientFormsTest {

    @Test
    void a_client_needs_a_name_and_a_valid_email_if_one_is_given() {
        assertThat(new ClientForm("", "", "", "", "", "", "en").validate().has("name")).isTrue();
        assertThat(new ClientForm("Ada", "not-an-email", "", "", "", "", "en").validate().get("email").key()).isEqualTo("error.email");
        assertThat(new ClientForm("Ada", "", "", "", "", "", "en").validate().isEmpty()).isTrue();
        assertThat(new ClientForm("Ada", "", "", "", "", "x".repeat(5001), "en").validate().get("notes").key()).isEqualTo("error.tooLong");
        assertThat(new ClientForm("Ada", "", "", "", "", "", "fr").validate().has("language")).isTrue();
    }

    @Test
    void tags_are_stored_trimmed_lower_case_and_without_duplicates() {
        assertThat(ClientForm.Tags.normalize(" Design, retainer;design ,, ")).isEqualTo("design,retainer");
        assertThat(new ClientForm("Ada", "ADA@Example.com", "", "", "", "", "en").emailOrNull()).isEqualTo("ada@example.com");
    }

    @Test
    void project_values_dates_and_status_are_checked() {
        ProjectForm ok = new ProjectForm("Site", "1200,50", "EUR", "2025-01-01", "2025-02-01", "completed");
        assertThat(ok.validate().isEmpty()).isTrue();
        assertThat(ok.valueCents()).isEqualTo(120050L);
        ProjectForm bad = new ProjectForm("", "12abc", "euro", "2025-13-01", "2024-01-01", "done");
        var e = bad.validate();
        assertThat(e.has("title")).isTrue();
        assertThat(e.get("value").key()).isEqualTo("client.project.error.value");
        assertThat(e.get("currency").key()).isEqualTo("client.project.error.currency");
        assertThat(e.get("startDate").key()).isEqualTo("client.project.error.date");
        assertThat(e.get("status").key()).isEqualTo("client.project.error.status");
        assertThat(new ProjectForm("S", "", "EUR", "2025-02-01", "2025-01-01", "active").validate().get("endDate").key())
                .isEqualTo("client.project.error.endBeforeStart");
    }

    @Test
    void exported_cells_cannot_become_spreadsheet_formulas() {
        assertThat(ClientCsvController.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ClientCsvController.safe("Ada")).isEqualTo("Ada");
    }
}
