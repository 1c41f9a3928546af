package io.goodword.casestudy;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.db.DuplicateKey;
import io.goodword.db.NotFound;
import io.goodword.mail.Outbox;
import io.goodword.security.FormGuard;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of case studies: every save is a new version; a case study that names a client is published only
 * when that client approved exactly the content being published; approval links are personal and expire.
 */
public final class CaseStudyService {
    static final Duration APPROVAL_VALIDITY = Duration.ofDays(30);

    private final Jdbi jdbi;
    private final CaseStudyDao dao;
    private final Outbox outbox;
    private final ApprovalMails mails;
    private final Clock clock;

    public CaseStudyService(Jdbi jdbi, Outbox outbox, I18n i18n, Clock clock, String baseUrl) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(CaseStudyDao.class);
        this.outbox = outbox;
        this.mails = new ApprovalMails(i18n, baseUrl);
        this.clock = clock;
    }

    /** Either the saved case study's id, or the errors to show next to the fields. */
    public record SaveResult(long id, FormErrors errors) {
        public boolean ok() { return errors.isEmpty(); }
    }

    public enum PublishOutcome { PUBLISHED, NEEDS_APPROVAL, NOTHING_SAVED }

    public enum RequestOutcome { SENT, NO_CLIENT, NO_EMAIL, ALREADY_APPROVED }

    public enum RestoreOutcome { RESTORED, SLUG_TAKEN }

    /** What the freelancer sees about the client's approval of the current content. */
    public record ApprovalState(boolean required, boolean approved, Approval pending, List<Approval> history) {
        public boolean canPublish() { return !required || approved; }
    }

    /** Checks the form against the workspace (client, testimonials, slug) and builds the content it describes. */
    public record Checked(CaseStudyContent content, FormErrors errors) {}

    public Checked check(long workspaceId, Long caseStudyId, CaseStudyForm form) {
        return CaseStudyFormCheck.check(dao, workspaceId, caseStudyId, form);
    }

    /** Creates (caseStudyId null) or updates a case study; each change becomes a new version. */
    public SaveResult save(long workspaceId, Long caseStudyId, CaseStudyForm form) {
        Checked checked = check(workspaceId, caseStudyId, form);
        if (!checked.errors().isEmpty()) return new SaveResult(0, checked.errors());
        CaseStudyContent content = checked.content();
        try {
            long id = jdbi.inTransaction(h -> {
                CaseStudyDao d = h.attach(CaseStudyDao.class);
                long csId;
                if (caseStudyId == null) {
                    csId = d.insert(workspaceId, content.slug(), content.title(), content.clientId());
                } else {
                    CaseStudy cs = d.lock(workspaceId, caseStudyId).orElseThrow(NotFound::new);
                    csId = cs.id();
                    if (cs.currentVersionId() != null) {
                        Optional<CaseStudyVersion> current = d.findVersion(workspaceId, cs.currentVersionId());
                        if (current.isPresent() && current.get().contentHash().equals(content.hash())) return csId;
                    }
                }
                long versionId = d.insertVersion(workspaceId, csId, content.toJson(), content.hash(), "saved");
                d.updateHead(workspaceId, csId, content.slug(), content.title(), content.clientId(), versionId);
                return csId;
            });
            return new SaveResult(id, FormErrors.none());
        } catch (DuplicateKey e) { // the slug was taken between the check and the insert
            return new SaveResult(0, FormErrors.of("slug", "casestudy.error.slugTaken"));
        }
    }

    /** Makes an earlier version the current one again, as a new version (history only grows). */
    public RestoreOutcome restore(long workspaceId, long caseStudyId, long versionId) {
        CaseStudyVersion old = dao.findVersion(workspaceId, versionId)
                .filter(v -> v.caseStudyId() == caseStudyId).orElseThrow(NotFound::new);
        CaseStudyContent content = CaseStudyContent.fromJson(old.content());
        Optional<CaseStudy> holder = dao.findBySlug(workspaceId, content.slug());
        if (holder.isPresent() && holder.get().id() != caseStudyId) return RestoreOutcome.SLUG_TAKEN;
        if (content.clientId() != null && dao.client(workspaceId, content.clientId()).isEmpty()) {
            // the client was deleted since: the restored version can no longer name them
            content = new CaseStudyContent(content.title(), content.slug(), null, "", content.anonymousClient(),
                    content.industry(), content.services(), content.summary(), content.challengeMd(),
                    content.challengeHtml(), content.approachMd(), content.approachHtml(), content.resultsMd(),
                    content.resultsHtml(), content.keyResults(), content.coverFile(), content.testimonialIds(),
                    content.ctaText(), content.ctaUrl());
        }
        CaseStudyContent restored = content;
        try {
            jdbi.useTransaction(h -> {
                CaseStudyDao d = h.attach(CaseStudyDao.class);
                d.lock(workspaceId, caseStudyId).orElseThrow(NotFound::new);
                long id = d.insertVersion(workspaceId, caseStudyId, restored.toJson(), restored.hash(),
                        "restored:" + old.number());
                d.updateHead(workspaceId, caseStudyId, restored.slug(), restored.title(), restored.clientId(), id);
            });
        } catch (DuplicateKey e) {
            return RestoreOutcome.SLUG_TAKEN;
        }
        return RestoreOutcome.RESTORED;
    }

    public CaseStudy find(long workspaceId, long id) {
        return dao.find(workspaceId, id).orElseThrow(NotFound::new);
    }

    public CaseStudyContent content(long workspaceId, long versionId) {
        return CaseStudyContent.fromJson(dao.findVersion(workspaceId, versionId).orElseThrow(NotFound::new).content());
    }

    public CaseStudyContent currentContent(CaseStudy cs) {
        if (cs.currentVersionId() == null) throw new NotFound();
        return content(cs.workspaceId(), cs.currentVersionId());
    }

    public ApprovalState approvalState(CaseStudy cs) {
        List<Approval> history = dao.listApprovals(cs.workspaceId(), cs.id());
        if (cs.clientId() == null || cs.currentVersionId() == null) {
            return new ApprovalState(false, false, null, history);
        }
        String hash = dao.findVersion(cs.workspaceId(), cs.currentVersionId()).orElseThrow().contentHash();
        boolean approved = dao.approvalsFor(cs.workspaceId(), cs.id(), cs.clientId(), hash) > 0;
        Approval pending = history.stream()
                .filter(a -> a.status() == ApprovalStatus.PENDING && !a.expired(clock.instant())).findFirst().orElse(null);
        return new ApprovalState(true, approved, pending, history);
    }

    /** Publishes the current version, unless it names a client who has not approved exactly this content. */
    public PublishOutcome publish(long workspaceId, long id) {
        CaseStudy cs = find(workspaceId, id);
        if (cs.currentVersionId() == null) return PublishOutcome.NOTHING_SAVED;
        if (!approvalState(cs).canPublish()) return PublishOutcome.NEEDS_APPROVAL;
        dao.publish(workspaceId, id, clock.instant());
        return PublishOutcome.PUBLISHED;
    }

    /** Back to draft (off the public pages) or archived. */
    public void setStatus(long workspaceId, long id, CaseStatus status) {
        if (status == CaseStatus.PUBLISHED) throw new IllegalArgumentException("use publish()");
        if (dao.updateStatus(workspaceId, id, status) != 1) throw new NotFound();
    }

    /** Sends the linked client a personal link to read and approve the current version. */
    public RequestOutcome requestApproval(long workspaceId, long id, String workspaceName) {
        CaseStudy cs = find(workspaceId, id);
        if (cs.clientId() == null || cs.currentVersionId() == null) return RequestOutcome.NO_CLIENT;
        ClientOption client = dao.client(workspaceId, cs.clientId()).orElse(null);
        if (client == null) return RequestOutcome.NO_CLIENT;
        if (!client.hasEmail()) return RequestOutcome.NO_EMAIL;
        if (approvalState(cs).approved()) return RequestOutcome.ALREADY_APPROVED;
        String token = Tokens.random();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            CaseStudyDao d = h.attach(CaseStudyDao.class);
            d.lock(workspaceId, id).orElseThrow(NotFound::new);
            d.supersedePending(workspaceId, id);
            d.insertApproval(workspaceId, id, cs.currentVersionId(), client.id(), client.email(), Tokens.sha256(token),
                    now, now.plus(APPROVAL_VALIDITY));
            outbox.enqueue(h, workspaceId, "casestudy-approval", mails.request(client, workspaceName, cs, token));
        });
        return RequestOutcome.SENT;
    }

    /** Whether an approval link is past its date, by the injected clock (pages and answers agree with tests). */
    public boolean expired(Approval a) { return a.expired(clock.instant()); }

    /** An approval link's request, if the token is one of ours. */
    public Optional<Approval> approvalFor(String token) {
        if (!Tokens.wellFormed(token)) return Optional.empty();
        return dao.findApprovalByTokenHash(Tokens.sha256(token));
    }

    /** The version the client answered about last time, when this request shows different content. */
    public Optional<CaseStudyContent> previouslySeen(Approval a) {
        return dao.lastAnsweredVersion(a.workspaceId(), a.caseStudyId(), a.id())
                .filter(v -> v != a.versionId())
                .map(v -> content(a.workspaceId(), v));
    }

    /** What became of an answer. */
    public enum Answer {
        STORED,
        /** This rendered form was stored already (double click, retry): answered like the first time. */
        REPEATED,
        /** The link can no longer be answered. */
        CLOSED
    }

    /**
     * Records the client's answer (once per rendered form, {@code once}) and tells the freelancer. The form id is
     * claimed first in the storing transaction, so the same form sent twice (even at the same moment) is stored once
     * and the second is answered as the first was.
     */
    public Answer answer(Approval a, boolean approve, String comment, FormGuard.Once once) {
        ApprovalStatus status = approve ? ApprovalStatus.APPROVED : ApprovalStatus.CHANGES_REQUESTED;
        return jdbi.inTransaction(h -> {
            if (!once.firstUse(h)) return Answer.REPEATED;
            CaseStudyDao d = h.attach(CaseStudyDao.class);
            if (a.status() != ApprovalStatus.PENDING || a.expired(clock.instant())
                    || d.answer(a.workspaceId(), a.id(), status, comment.isBlank() ? null : comment, clock.instant()) != 1) {
                h.rollback(); // nothing stored, so the form id is not spent: a retry is told "closed" again
                return Answer.CLOSED;
            }
            CaseStudy cs = d.find(a.workspaceId(), a.caseStudyId()).orElseThrow();
            Optional<String> owner = d.ownerEmail(a.workspaceId());
            if (owner.isPresent()) {
                String lang = h.attach(WorkspaceDao.class).findById(a.workspaceId()).map(Workspace::language).orElse("en");
                String who = a.clientId() == null ? a.sentTo()
                        : d.client(a.workspaceId(), a.clientId()).map(ClientOption::name).orElse(a.sentTo());
                outbox.enqueue(h, a.workspaceId(), "casestudy-answer",
                        mails.answered(owner.get(), lang, who, cs, approve, comment));
            }
            return Answer.STORED;
        });
    }
}
