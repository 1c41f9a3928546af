package io.goodword.testimonial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goodword.web.SafeJson;
import io.goodword.web.csv.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proof from other places, file by file: the presets, JSON and JSON-LD, the dates, and hostile JSON. */
class ImportedProofTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static String fixture(String name) {
        try (InputStream in = ImportedProofTest.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CsvImport.Row> rows(String text) throws CsvImport.Unreadable {
        CsvTable.Table table = CsvImport.parse(text);
        return CsvImport.rows(table, CsvImport.guessMapping(table.headers()), CsvImport.defaultPlatform(table.headers()),
                TODAY, h -> false);
    }

    @Test
    void a_senja_export_is_recognised_mapped_and_keeps_platform_link_date_and_avatar() throws Exception {
        CsvTable.Table table = CsvImport.parse(fixture("senja.csv"));
        assertThat(ImportPresets.detect(table.headers())).isSameAs(ImportPresets.SENJA);
        Map<String, Integer> m = CsvImport.guessMapping(table.headers());
        assertThat(table.headers().get(m.get("name"))).isEqualTo("customer_name");
        assertThat(table.headers().get(m.get("role"))).isEqualTo("customer_tagline");
        assertThat(table.headers().get(m.get("website"))).isEqualTo("customer_website");
        assertThat(table.headers().get(m.get("link"))).isEqualTo("url");
        assertThat(m.get("consent")).isEqualTo(-1); // Senja's "approved" is Senja's moderation, not the author's consent

        List<CsvImport.Row> rows = rows(fixture("senja.csv"));
        assertThat(rows).hasSize(3).allMatch(CsvImport.Row::importable);
        CsvImport.Row ana = rows.get(0);
        assertThat(ana.name()).isEqualTo("Ana Google");
        assertThat(ana.role()).isEqualTo("Owner");
        assertThat(ana.company()).isEqualTo("Ana's Shop");
        assertThat(ana.rating()).isEqualTo(5);
        assertThat(ana.platform()).isEqualTo(Platform.GOOGLE);
        assertThat(ana.link()).isEqualTo("https://g.page/r/abc123/review");
        assertThat(ana.date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(ana.avatar()).isEqualTo("https://lh3.googleusercontent.com/a/ana.png");
        assertThat(ana.tags()).containsExactly("shop", "web");
        assertThat(rows.get(1).platform()).isEqualTo(Platform.LINKEDIN);
        assertThat(rows.get(1).date()).isEqualTo(LocalDate.of(2023, 11, 20));
        assertThat(rows.get(2).platform()).as("collected by Senja itself").isEqualTo(Platform.SENJA);
        assertThat(rows.get(2).link()).isNull();
    }

    @Test
    void a_testimonial_to_export_is_recognised_and_its_rows_default_to_testimonial_to() throws Exception {
        CsvTable.Table table = CsvImport.parse(fixture("testimonial_to.csv"));
        assertThat(ImportPresets.detect(table.headers())).isSameAs(ImportPresets.TESTIMONIAL_TO);
        List<CsvImport.Row> rows = rows(fixture("testimonial_to.csv"));
        assertThat(rows).hasSize(2).allMatch(CsvImport.Row::importable);
        CsvImport.Row dora = rows.get(0);
        assertThat(dora.name()).isEqualTo("Dora Tee");
        assertThat(dora.role()).isEqualTo("Founder");
        assertThat(dora.company()).isEqualTo("Tee Studio");
        assertThat(dora.website()).isEqualTo("https://twitter.com/doratee");
        assertThat(dora.platform()).isEqualTo(Platform.TESTIMONIAL_TO);
        assertThat(dora.date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(dora.avatar()).isEqualTo("https://testimonial.to/avatars/dora.png");
        assertThat(rows.get(1).date()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(rows.get(1).rating()).isEqualTo(4);
    }

    @Test
    void a_generic_csv_reads_the_new_columns_and_refuses_a_bad_date_or_a_non_http_link() throws Exception {
        String csv = """
                Name,Review,Stars,Date,Platform,Link,Avatar
                Fay,Lovely work on the logo.,5,15 January 2024,,https://www.clutch.co/profile/x#reviews,
                Gil,Bad date here.,5,someday,Upwork,,
                Hal,Bad link here.,5,2024-01-01,,javascript:alert(1),
                Ivo,From the future.,5,2027-01-01,,,
                """;
        List<CsvImport.Row> rows = rows(csv);
        assertThat(rows.get(0).importable()).isTrue();
        assertThat(rows.get(0).platform()).as("from the link's host").isEqualTo(Platform.CLUTCH);
        assertThat(rows.get(0).date()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(rows.get(1).errors()).extracting(CsvImport.RowError::field).containsExactly("date");
        assertThat(rows.get(2).errors()).extracting(CsvImport.RowError::field).containsExactly("link");
        assertThat(rows.get(3).errors()).extracting(CsvImport.RowError::field).containsExactly("date");
        assertThat(CsvImport.defaultPlatform(CsvImport.parse(csv).headers())).isEqualTo(Platform.OTHER);
    }

    @Test
    void a_single_schema_org_review_is_read_with_author_rating_date_link_and_publisher() throws Exception {
        String json = """
                {"@context": "https://schema.org", "@type": "Review",
                 "author": {"@type": "Person", "name": "Jo Review", "jobTitle": "Owner",
                            "worksFor": {"@type": "Organization", "name": "Jo's Bakery"},
                            "image": {"@type": "ImageObject", "url": "https://img.example/jo.png"}},
                 "reviewRating": {"@type": "Rating", "ratingValue": "8", "bestRating": "10"},
                 "reviewBody": "The new site brings us orders every day.",
                 "datePublished": "2024-02-29",
                 "url": "https://www.trustpilot.com/reviews/123",
                 "publisher": {"@type": "Organization", "name": "Trustpilot"}}""";
        List<CsvImport.Row> rows = rows(json);
        assertThat(rows).hasSize(1);
        CsvImport.Row r = rows.get(0);
        assertThat(r.importable()).isTrue();
        assertThat(r.name()).isEqualTo("Jo Review");
        assertThat(r.role()).isEqualTo("Owner");
        assertThat(r.company()).isEqualTo("Jo's Bakery");
        assertThat(r.rating()).as("8 of 10 is 4 of 5").isEqualTo(4);
        assertThat(r.body()).isEqualTo("The new site brings us orders every day.");
        assertThat(r.date()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(r.platform()).isEqualTo(Platform.TRUSTPILOT);
        assertThat(r.link()).isEqualTo("https://www.trustpilot.com/reviews/123");
        assertThat(r.avatar()).isEqualTo("https://img.example/jo.png");
    }

    @Test
    void an_array_a_graph_and_a_business_with_its_reviews_all_give_their_reviews() throws Exception {
        String array = """
                [{"@type": "Review", "author": "Kim", "reviewRating": {"ratingValue": 5}, "reviewBody": "One."},
                 {"@type": ["Review"], "author": [{"name": "Lea"}], "reviewRating": 3, "description": "Two.",
                  "datePublished": "2024-05-01T10:00:00+02:00"}]""";
        assertThat(rows(array)).extracting(CsvImport.Row::name).containsExactly("Kim", "Lea");
        assertThat(rows(array).get(1).date()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(rows(array).get(1).body()).isEqualTo("Two.");

        String graph = """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "name": "not a review"},
                  {"@type": "Review", "author": {"name": "Max"}, "reviewRating": {"ratingValue": 5}, "reviewBody": "Three."},
                  {"@type": "LocalBusiness", "name": "Shop", "review": [
                     {"@type": "Review", "author": {"name": "Nia"}, "reviewRating": {"ratingValue": 4}, "reviewBody": "Four.",
                      "url": "https://maps.google.com/review/9"}]}]}""";
        List<CsvImport.Row> rows = rows(graph);
        assertThat(rows).extracting(CsvImport.Row::name).containsExactly("Max", "Nia");
        assertThat(rows.get(1).platform()).isEqualTo(Platform.GOOGLE);
        assertThat(rows).allMatch(CsvImport.Row::importable);
    }

    @Test
    void goodwords_own_json_export_reads_back_with_the_same_words_and_provenance() throws Exception {
        Testimonial imported = new Testimonial(7, 1, null, TestimonialStatus.APPROVED, TestimonialSource.IMPORT, false, 4,
                "Words first written on LinkedIn.", null, "Olga Own", "CEO", "Own Co", "https://own.example",
                "olga@own.example", null, true, false, true, false, null, null, "Words first written on LinkedIn.",
                Instant.parse("2026-11-01T10:00:00Z"), Instant.now(), Instant.now(), "full", false, false, null, null, null, null, null, Platform.LINKEDIN,
                "https://www.linkedin.com/in/olga", LocalDate.of(2022, 6, 1), "https://media.licdn.com/olga.jpg");
        Testimonial collected = new Testimonial(8, 1, null, TestimonialStatus.APPROVED, TestimonialSource.LINK, true, 5,
                "Given through my own form.", null, "Piet Form", "", "", "", null, null, false, false, false, false, null,
                null, "Given through my own form.", Instant.parse("2025-02-03T04:05:06Z"), Instant.now(), Instant.now());
        String json = SafeJson.pretty(Exports.rows(List.of(imported, collected), Map.of(7L, List.of("web", "seo"))));
        List<CsvImport.Row> rows = rows(json);
        assertThat(rows).hasSize(2).allMatch(CsvImport.Row::importable);
        CsvImport.Row olga = rows.get(0);
        assertThat(olga.name()).isEqualTo("Olga Own");
        assertThat(olga.body()).isEqualTo("Words first written on LinkedIn.");
        assertThat(olga.rating()).isEqualTo(4);
        assertThat(olga.role()).isEqualTo("CEO");
        assertThat(olga.company()).isEqualTo("Own Co");
        assertThat(olga.website()).isEqualTo("https://own.example");
        assertThat(olga.email()).isEqualTo("olga@own.example");
        assertThat(olga.consent()).isTrue();
        assertThat(olga.tags()).containsExactly("web", "seo");
        assertThat(olga.platform()).isEqualTo(Platform.LINKEDIN);
        assertThat(olga.link()).isEqualTo("https://www.linkedin.com/in/olga");
        assertThat(olga.date()).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(olga.avatar()).isEqualTo("https://media.licdn.com/olga.jpg");
        assertThat(rows.get(1).date()).as("collected here: the day it reached us").isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(rows.get(1).platform()).isEqualTo(Platform.OTHER);
        assertThat(rows.get(1).consent()).isFalse();
    }

    @Test
    void hostile_json_is_refused_with_a_reason_never_an_exception() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> CsvImport.parse(deep)).isInstanceOf(CsvImport.Unreadable.class)
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.jsonLimits"));
        String justTooDeep = "[".repeat(JsonImport.MAX_DEPTH + 1) + "]".repeat(JsonImport.MAX_DEPTH + 1); // Jackson alone allows 1000
        assertThatThrownBy(() -> CsvImport.parse(justTooDeep))
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.jsonLimits"));
        String deepObject = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertThatThrownBy(() -> CsvImport.parse(deepObject))
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.jsonLimits"));
        String huge = "[\"" + "x".repeat(CsvImport.MAX_CHARS) + "\"]";
        assertThatThrownBy(() -> CsvImport.parse(huge))
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.tooLarge"));
        assertThatThrownBy(() -> CsvImport.parse("{\"@type\": \"Review\", "))
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.jsonUnreadable"));
        assertThatThrownBy(() -> CsvImport.parse("{\"name\": \"no review here\"}"))
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.jsonNoReviews"));
        String number = "[{\"@type\":\"Review\",\"author\":\"Q\",\"reviewBody\":\"x\",\"reviewRating\":" + "9".repeat(1000) + "}]";
        assertThatThrownBy(() -> CsvImport.parse(number))
                .satisfies(e -> assertThat(((CsvImport.Unreadable) e).key()).isEqualTo("testimonial.import.jsonLimits"));
    }

    @Test
    void more_reviews_than_the_cap_are_cut_and_said_so() throws Exception {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < CsvImport.MAX_ROWS + 5; i++) {
            if (i > 0) b.append(',');
            b.append("{\"@type\":\"Review\",\"author\":\"R").append(i).append("\",\"reviewBody\":\"Text ").append(i)
                    .append("\",\"reviewRating\":5}");
        }
        CsvTable.Table t = CsvImport.parse(b.append(']').toString());
        assertThat(t.rows()).hasSize(CsvImport.MAX_ROWS);
        assertThat(t.truncated()).isTrue();
    }

    @Test
    void dates_are_read_as_platforms_print_them() {
        for (String s : List.of("2024-03-05", "2024-03-05T09:30:00Z", "2024-03-05 09:30", "05.03.2024", "3/5/2024",
                "5 March 2024", "5 Mar 2024", "March 5, 2024", "Mar 5, 2024", "5. März 2024")) {
            assertThat(ProofDate.parse(s, TODAY).date()).as(s).isEqualTo(LocalDate.of(2024, 3, 5));
        }
        assertThat(ProofDate.parse("2. Dez. 2025", TODAY).date()).isEqualTo(LocalDate.of(2025, 12, 2)); // as Dates prints it
        assertThat(ProofDate.parse("", TODAY).invalid()).isFalse();
        assertThat(ProofDate.parse("yesterday", TODAY).invalid()).isTrue();
        assertThat(ProofDate.parse("1989-12-31", TODAY).invalid()).isTrue();
        assertThat(ProofDate.parse("2026-12-09", TODAY).invalid()).isTrue();
    }

    @Test
    void platforms_are_named_or_read_from_the_links_host_never_from_a_lookalike() {
        assertThat(Platform.named("LinkedIn")).isEqualTo(Platform.LINKEDIN);
        assertThat(Platform.named("google_reviews")).isEqualTo(Platform.GOOGLE);
        assertThat(Platform.named("Testimonial.to")).isEqualTo(Platform.TESTIMONIAL_TO);
        assertThat(Platform.named("E-Mail")).isEqualTo(Platform.EMAIL);
        assertThat(Platform.named("twitter")).isNull();
        assertThat(Platform.ofUrl("https://www.linkedin.com/in/x")).isEqualTo(Platform.LINKEDIN);
        assertThat(Platform.ofUrl("https://www.upwork.com/freelancers/~01")).isEqualTo(Platform.UPWORK);
        assertThat(Platform.ofUrl("https://evil-linkedin.com/in/x")).isNull();
        assertThat(Platform.ofUrl("https://linkedin.com.evil.example/x")).isNull();
        assertThat(Platform.ofUrl("not a url")).isNull();
    }
}
