package io.goodword.casestudy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What changed between two versions, section by section (only the sections that differ). */
public final class ContentChanges {
    public record Section(String labelKey, List<LineDiff.Line> lines) {}

    private ContentChanges() {}

    public static List<Section> between(CaseStudyContent before, CaseStudyContent after) {
        List<Section> out = new ArrayList<>();
        add(out, "casestudy.field.title", before.title(), after.title());
        add(out, "casestudy.field.client", before.clientShown(), after.clientShown());
        add(out, "casestudy.field.industry", before.industry(), after.industry());
        add(out, "casestudy.field.services", before.services(), after.services());
        add(out, "casestudy.field.summary", before.summary(), after.summary());
        add(out, "casestudy.field.challenge", before.challengeMd(), after.challengeMd());
        add(out, "casestudy.field.approach", before.approachMd(), after.approachMd());
        add(out, "casestudy.field.results", before.resultsMd(), after.resultsMd());
        add(out, "casestudy.field.keyResults", keyResults(before), keyResults(after));
        add(out, "casestudy.field.cta", cta(before), cta(after));
        if (!Objects.equals(before.coverFile(), after.coverFile())) {
            out.add(new Section("casestudy.changes.cover", List.of()));
        }
        if (!before.testimonialIds().equals(after.testimonialIds())) {
            out.add(new Section("casestudy.changes.testimonials", List.of()));
        }
        return out;
    }

    private static void add(List<Section> out, String key, String before, String after) {
        List<LineDiff.Line> d = LineDiff.diff(before == null ? "" : before, after == null ? "" : after);
        if (LineDiff.changed(d)) out.add(new Section(key, d));
    }

    private static String keyResults(CaseStudyContent c) {
        return c.keyResults().stream().map(k -> k.label() + ": " + k.value()).collect(Collectors.joining("\n"));
    }

    private static String cta(CaseStudyContent c) {
        return (c.ctaText() == null || c.ctaText().isBlank()) ? "" : c.ctaText() + " (" + c.ctaUrl() + ")";
    }
}
