package io.goodword.casestudy;

import io.goodword.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.goodword.security.Tokens;
import java.util.List;

/**
 * Everything a case study shows, as saved in one version: the Markdown sources and their sanitized HTML (made at
 * save time), the key results, the cover, the linked testimonials and the call to action. The client's public
 * label is part of it, so what the client approved is exactly what is published.
 */
public record CaseStudyContent(String title, String slug, Long clientId, String clientLabel, String anonymousClient,
                               String industry, String services, String summary,
                               String challengeMd, String challengeHtml, String approachMd, String approachHtml,
                               String resultsMd, String resultsHtml, List<KeyResult> keyResults, String coverFile,
                               List<Long> testimonialIds, String ctaText, String ctaUrl) {

    public CaseStudyContent {
        // Content from older versions or from an imported archive may lack a field: pages read every text as "".
        title = text(title);
        slug = text(slug);
        clientLabel = text(clientLabel);
        anonymousClient = text(anonymousClient);
        industry = text(industry);
        services = text(services);
        summary = text(summary);
        challengeMd = text(challengeMd);
        challengeHtml = text(challengeHtml);
        approachMd = text(approachMd);
        approachHtml = text(approachHtml);
        resultsMd = text(resultsMd);
        resultsHtml = text(resultsHtml);
        ctaText = text(ctaText);
        ctaUrl = text(ctaUrl);
        keyResults = keyResults == null ? List.of() : List.copyOf(keyResults);
        testimonialIds = testimonialIds == null ? List.of() : List.copyOf(testimonialIds);
    }

    public String toJson() {
        try {
            return Json.WRITE.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CaseStudyContent fromJson(String json) {
        try {
            return Json.READ.forType(CaseStudyContent.class).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable case study version", e);
        }
    }

    /** Identifies the content: an approval holds for every version with the same hash. */
    public String hash() { return Tokens.sha256(toJson()); }

    public boolean namesClient() { return clientId != null; }

    /** The first key result, for the public list; or null. */
    public KeyResult headlineResult() { return keyResults.isEmpty() ? null : keyResults.get(0); }

    public String coverUrl() { return coverFile == null ? null : "/media/" + coverFile; }

    /** Who the work was for, as the public sees it. */
    public String clientShown() {
        if (clientId != null && clientLabel != null && !clientLabel.isBlank()) return clientLabel;
        return anonymousClient == null ? "" : anonymousClient;
    }

    private static String text(String s) { return s == null ? "" : s; }
}
