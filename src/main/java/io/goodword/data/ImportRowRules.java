package io.goodword.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goodword.casestudy.ApprovalStatus;
import io.goodword.casestudy.CaseStudyContent;
import io.goodword.casestudy.Markdown;
import io.goodword.data.ImportRules.Invalid;
import io.goodword.db.LowerCaseEnums;
import io.goodword.testimonial.ConsentProvenance;
import io.goodword.web.Json;
import io.goodword.web.Validation;
import java.util.List;
import java.util.Map;

/**
 * The import's rules that span a row, after {@link ImportRules} made each value safe: the trust an archive cannot
 * prove is reset unless it carries this installation's signature (ExportSignature), and case-study HTML is rebuilt
 * from its Markdown.
 */
final class ImportRowRules {
    private ImportRowRules() {}

    /**
     * Rules that span a row: trust resets and the case-study HTML rebuilt from its Markdown. {@code signed}: the
     * archive carries this installation's signature over every entry (ExportSignature), so the verified badges,
     * approvals and consent history in it were recorded here, and are kept (with their own marks: a ledger row that
     * was unverified when exported stays so). Unsigned, every ledger row it brings is marked unverified.
     */
    static void row(String table, Map<String, Object> values, Map<String, String> renamed, boolean signed) throws Invalid {
        switch (table) {
            case "testimonials" -> {
                if (!signed) { values.put("verified", false); values.put("verified_at", null); } // confirmed here only
            }
            case "testimonial_consents" -> { // what the ledger says was given is proven only by a signature of ours
                if (!signed) values.put("provenance", ConsentProvenance.UNVERIFIED.db());
            }
            case "case_study_approvals" -> {
                if (signed) return;
                Object status = values.get("status");
                // status is already lower case here (clean ran on every value)
                boolean kept = LowerCaseEnums.value(ApprovalStatus.CHANGES_REQUESTED).equals(status);
                values.put("status", kept ? status : LowerCaseEnums.value(ApprovalStatus.SUPERSEDED));
            }
            case "case_study_versions" -> {
                if (!(values.get("content") instanceof String json)) return;
                String safe = caseStudyContent(json, renamed);
                CaseStudyContent parsed;
                try {
                    parsed = CaseStudyContent.fromJson(safe); // pages read it later: unreadable content is refused now
                } catch (RuntimeException e) {
                    throw new Invalid("content");
                }
                if (safe.equals(json)) return;
                values.put("content", safe);
                values.put("content_hash", parsed.hash());
            }
            default -> { }
        }
    }

    /**
     * The version's JSON with each HTML part rebuilt from its Markdown by the editor's own renderer (the stored HTML
     * is never trusted), the call-to-action URL kept only when it is http(s), the cover mapped to its new file.
     * Unchanged content is returned as it was, so an honest round trip keeps its hash.
     */
    static String caseStudyContent(String json, Map<String, String> renamed) throws Invalid {
        ObjectNode o;
        try {
            JsonNode tree = Json.READ.readTree(json);
            if (!(tree instanceof ObjectNode on)) throw new Invalid("content");
            o = on;
        } catch (JsonProcessingException e) {
            throw new Invalid("content");
        }
        boolean changed = false;
        for (String part : List.of("challenge", "approach", "results")) {
            String html = Markdown.toSafeHtml(text(o, part + "Md"));
            if (!html.equals(text(o, part + "Html"))) {
                o.put(part + "Html", html);
                changed = true;
            }
        }
        String cta = text(o, "ctaUrl");
        if (!cta.isEmpty() && !Validation.isHttpUrl(cta)) {
            o.put("ctaUrl", "");
            changed = true;
        }
        if (o.hasNonNull("coverFile")) {
            String cover = renamed.get(o.get("coverFile").asText());
            if (cover == null) o.putNull("coverFile");
            else o.put("coverFile", cover);
            changed = true;
        }
        try {
            return changed ? Json.WRITE.writeValueAsString(o) : json;
        } catch (JsonProcessingException e) {
            throw new Invalid("content");
        }
    }

    private static String text(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }
}
