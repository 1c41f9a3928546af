package io.goodword.casestudy;

import io.goodword.casestudy.CaseStudyService.Checked;
import io.goodword.testimonial.PublicTestimonial;
import io.goodword.web.FormErrors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The form rules of a case study that need the workspace's data: the client must be one of the workspace's, each
 * chosen testimonial one it may show publicly, the slug free. Apart from {@link CaseStudyService} so the editor's
 * live preview and the save share one check, and the service reads as the rules of versions and approvals.
 */
final class CaseStudyFormCheck {
    private CaseStudyFormCheck() {}

    static Checked check(CaseStudyDao dao, long workspaceId, Long caseStudyId, CaseStudyForm form) {
        FormErrors errors = form.validate();
        Long clientId = form.clientIdOrNull();
        ClientOption client = null;
        if (clientId != null && clientId > 0) {
            client = dao.client(workspaceId, clientId).orElse(null);
            if (client == null) errors.add("clientId", "casestudy.error.client");
        }
        List<Long> wanted = form.testimonialIdList();
        if (wanted.size() != form.testimonialIds().size()) errors.add("testimonials", "casestudy.error.testimonials");
        if (!wanted.isEmpty()) {
            Set<Long> allowed = dao.publishableTestimonials(workspaceId, wanted).stream().map(PublicTestimonial::id)
                    .collect(Collectors.toSet());
            if (!allowed.containsAll(wanted)) errors.add("testimonials", "casestudy.error.testimonials");
        }
        if (!errors.has("slug")) {
            Optional<CaseStudy> holder = dao.findBySlug(workspaceId, form.effectiveSlug());
            if (holder.isPresent() && (caseStudyId == null || holder.get().id() != caseStudyId)) {
                errors.add("slug", "casestudy.error.slugTaken");
            }
        }
        String cover = form.removeCover() ? null : form.coverFile();
        CaseStudyContent content = new CaseStudyContent(form.title(), form.effectiveSlug(),
                client == null ? null : client.id(), client == null ? "" : client.publicLabel(),
                form.anonymousClient(), form.industry(), form.services(), form.summary(),
                form.challenge(), Markdown.toSafeHtml(form.challenge()), form.approach(),
                Markdown.toSafeHtml(form.approach()), form.results(), Markdown.toSafeHtml(form.results()),
                form.keyResults(), cover, wanted, form.ctaText(), form.ctaUrl());
        return new Checked(content, errors);
    }
}
