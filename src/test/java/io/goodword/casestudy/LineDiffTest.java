package io.goodword.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void unchanged_text_has_no_changes() {
        List<LineDiff.Line> d = LineDiff.diff("a\nb", "a\nb");
        assertThat(LineDiff.changed(d)).isFalse();
        assertThat(d).extracting(LineDiff.Line::kind).containsOnly(LineDiff.Kind.SAME);
    }

    @Test
    void a_changed_line_shows_as_removed_then_added_between_kept_lines() {
        List<LineDiff.Line> d = LineDiff.diff("intro\nLeads rose 20%\nend", "intro\nLeads rose 38%\nend");
        assertThat(d).containsExactly(
                new LineDiff.Line(LineDiff.Kind.SAME, "intro"),
                new LineDiff.Line(LineDiff.Kind.REMOVED, "Leads rose 20%"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "Leads rose 38%"),
                new LineDiff.Line(LineDiff.Kind.SAME, "end"));
    }

    @Test
    void additions_and_removals_at_the_ends_are_found() {
        List<LineDiff.Line> d = LineDiff.diff("old first\nkeep", "keep\nnew last");
        assertThat(d).containsExactly(
                new LineDiff.Line(LineDiff.Kind.REMOVED, "old first"),
                new LineDiff.Line(LineDiff.Kind.SAME, "keep"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "new last"));
        assertThat(LineDiff.diff("", "x")).containsExactly(new LineDiff.Line(LineDiff.Kind.ADDED, "x"));
        assertThat(LineDiff.diff("x", "")).containsExactly(new LineDiff.Line(LineDiff.Kind.REMOVED, "x"));
    }

    @Test
    void windows_line_endings_do_not_count_as_changes() {
        assertThat(LineDiff.changed(LineDiff.diff("a\r\nb", "a\nb"))).isFalse();
    }

    @Test
    void content_changes_name_only_the_sections_that_differ() {
        CaseStudyContent before = content("Shop relaunch", "Old approach", List.of(new KeyResult("Leads", "+20%")));
        CaseStudyContent after = content("Shop relaunch", "New approach", List.of(new KeyResult("Leads", "+38%")));
        List<ContentChanges.Section> changes = ContentChanges.between(before, after);
        assertThat(changes).extracting(ContentChanges.Section::labelKey)
                .containsExactly("casestudy.field.approach", "casestudy.field.keyResults");
        assertThat(ContentChanges.between(before, before)).isEmpty();
    }

    static CaseStudyContent content(String title, String approach, List<KeyResult> keyResults) {
        return new CaseStudyContent(title, "shop", null, "", "a shop", "Retail", "Design", "Summary", "C", "<p>C</p>",
                approach, "<p>" + approach + "</p>", "R", "<p>R</p>", keyResults, null, List.of(), "", "");
    }
}
