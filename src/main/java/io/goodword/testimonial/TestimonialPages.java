package io.goodword.testimonial;

import gg.jte.Content;
import io.goodword.account.Brand;
import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Localizer;
import io.goodword.web.Pager;
import io.goodword.web.ShareLinks;
import io.goodword.web.Shell;
import io.goodword.web.SocialMeta;
import java.util.List;
import java.util.Map;

/** The page records of this feature; each template renders one of them and never queries. */
public final class TestimonialPages {
    private TestimonialPages() {}

    // ---- public ----

    public record WallPage(Shell shell, Brand brand, List<PublicTestimonial> items, long count, String average,
                           List<String> tags, String activeTag, Pager pager, SocialMeta meta, Content jsonLd) {}

    public record SinglePage(Shell shell, Brand brand, PublicTestimonial item, SocialMeta meta, Content jsonLd) {
        public ShareLinks share() { return new ShareLinks(meta.url(), meta.title()); }
    }

    public record ReviewPage(Shell shell, Brand brand, String prompt, TestimonialForm form, FormErrors errors,
                             String action, String stamp) {}

    public record ThanksPage(Shell shell, Brand brand) {}

    public record EditPage(Shell shell, Brand brand, TestimonialForm form, FormErrors errors, String token,
                           boolean locked, String stamp) {}

    /** The author's page after moderation: their consents, proposals of both sides, and the history. */
    public record AuthorPage(Shell shell, Brand brand, Testimonial t, Consents consents, String proposeBody,
                             FormErrors errors, String token, String stamp, List<ConsentRecord> ledger,
                             List<Proposal> proposals, Dates dates) {
        public boolean live() { return t.isPublic(); }

        public Proposal pendingFrom(String by) {
            return proposals.stream().filter(p -> p.pending() && p.proposedBy().equals(by)).findFirst().orElse(null);
        }

        public String action(String what) { return "/testimonial/edit/" + token + what; }
    }

    /** A client's confirmation that words typed in or imported by the freelancer are theirs. */
    public record ConfirmPage(Shell shell, Brand brand, Testimonial t, String clientName, Consents consents,
                              FormErrors errors, String token, String stamp, boolean done) {}

    public record EmbedPage(Localizer t, String lang, Brand brand, List<PublicTestimonial> items, EmbedOptions options,
                            long count, String average, String wallUrl) {}

    // ---- admin ----

    public record QueueRow(Testimonial testimonial, List<String> tags) {}

    public record ListPage(Shell shell, QueueFilter filter, List<QueueRow> rows, Map<String, Long> counts, long total,
                           Pager pager, List<String> allTags) {
        public long count(String status) { return counts.getOrDefault(status, 0L); }
    }

    public record DetailPage(Shell shell, Testimonial t, List<String> tags, List<TestimonialEdit> edits, ContentForm form,
                             FormErrors errors, String publicUrl, Dates dates, TrustPanel trust) {
        public String tagsText() { return String.join(", ", tags); }

        /** The public testimonial's picture to share ({@link ShareCard}), or null (not public, or no fonts to draw it). */
        public String shareCardUrl() { return publicUrl != null && ShareCard.AVAILABLE ? ShareCard.path(publicUrl) : null; }

        /** The status changes offered from the current status (feature/unfeature is offered separately). */
        public List<String> statusActions() {
            return switch (t.status()) {
                case PENDING -> List.of("approve", "reject", "archive");
                case APPROVED -> List.of("reject", "archive");
                default -> List.of("restore", "approve");
            };
        }
    }

    public record NewPage(Shell shell, TestimonialForm form, FormErrors errors, boolean approveNow) {}

    public record ImportPage(Shell shell, String csv, List<String> headers, Map<String, Integer> mapping,
                             List<CsvImport.Row> rows, FormErrors errors, boolean truncated, boolean consentForAll,
                             Platform platform, ImportPresets.Preset preset, Dates dates) {
        public long importable() { return rows.stream().filter(CsvImport.Row::importable).count(); }
        public long duplicates() { return rows.stream().filter(CsvImport.Row::duplicate).count(); }
        public long invalid() { return rows.stream().filter(r -> !r.errors().isEmpty()).count(); }
        public boolean previewing() { return headers != null; }
        public int mapped(String field) { return mapping == null ? -1 : mapping.getOrDefault(field, -1); }
        public List<Platform> platforms() { return List.of(Platform.values()); }
        /** "senja" when the file is a known tool's export, else null. */
        public String presetId() { return preset == null ? null : preset.id(); }
    }

    /** One review pasted from a platform page. */
    public record PastePage(Shell shell, PasteForm form, FormErrors errors) {
        public List<Platform> platforms() { return List.of(Platform.values()); }
    }

    public record EmbedAdminPage(Shell shell, EmbedOptions options, String snippet, String previewUrl, String loaderUrl,
                                 List<String> tags) {}

    public record CollectPage(Shell shell, String reviewUrl, String prompt, FormErrors errors) {}
}
