package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.account.WorkspaceDao;
import io.goodword.security.CurrentUser;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The author in control of their words after publication, through their private link: change consents, withdraw
 * (gone from every public surface at once), propose new words, and approve or decline the freelancer's edit. The
 * freelancer's side of the same proposals is here too: a change of the author's words waits for the other side.
 */
public final class AuthorControl {
    static final String AUTHOR = "author";

    private final PublicChanges changes;
    private final TestimonialMails mails;
    private final WorkspaceDao workspaces;
    private final Clock clock;

    AuthorControl(PublicChanges changes, TestimonialMails mails, WorkspaceDao workspaces, Clock clock) {
        this.changes = changes;
        this.mails = mails;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The testimonial behind an author's link: the one of the thanks email, or one sent later (published, proposal). */
    public Optional<Testimonial> byToken(String token) {
        if (!Tokens.wellFormed(token)) return Optional.empty();
        String hash = Tokens.sha256(token);
        return changes.jdbi().withHandle(h -> {
            TestimonialDao dao = h.attach(TestimonialDao.class);
            Optional<Testimonial> t = dao.findByEditToken(hash);
            if (t.isPresent()) return t;
            return h.attach(ConsentDao.class).link(hash).filter(l -> AUTHOR.equals(l.purpose()))
                    .flatMap(l -> dao.findById(l.workspaceId(), l.testimonialId()));
        });
    }

    public List<ConsentRecord> ledger(Testimonial t) {
        return changes.jdbi().withExtension(ConsentDao.class, d -> d.ledger(t.workspaceId(), t.id()));
    }

    public List<Proposal> proposals(Testimonial t) {
        return changes.jdbi().withExtension(ConsentDao.class, d -> d.proposals(t.workspaceId(), t.id()));
    }

    /** The author's new consents; the public pages follow at once. Returns how many consents changed. */
    public int changeConsents(Testimonial t, Consents c, String ip) {
        return changes.run(t.workspaceId(), h -> {
            int n = ConsentLedger.change(h, t, c, ConsentLedger.Given.author(t, ip), clock.instant());
            if (n > 0 && c.publish()) h.attach(ConsentDao.class).setWithdrawn(t.workspaceId(), t.id(), null);
            return n;
        });
    }

    /** Withdrawn: every consent revoked, off the wall, widget, feed and case studies now; the freelancer is told. */
    public void withdraw(Testimonial t, String ip) {
        changes.run(t.workspaceId(), h -> {
            ConsentLedger.change(h, t, Consents.of(t).withdrawn(), ConsentLedger.Given.author(t, ip), clock.instant());
            h.attach(ConsentDao.class).setWithdrawn(t.workspaceId(), t.id(), clock.instant());
            h.attach(ConsentDao.class).supersede(t.workspaceId(), t.id(), clock.instant());
            mails.notifyAuthorAction(h, workspace(t), t, "withdrawn");
            return 1;
        });
    }

    /** New words from the author; the published ones stay until the freelancer approves. */
    public FormErrors proposeByAuthor(Testimonial t, String body) {
        FormErrors e = validBody(body);
        if (!e.isEmpty()) return e;
        changes.jdbi().useTransaction(h -> {
            ConsentDao dao = h.attach(ConsentDao.class);
            dao.supersede(t.workspaceId(), t.id(), clock.instant());
            dao.propose(t.workspaceId(), t.id(), Proposal.AUTHOR, null, body, clock.instant());
            mails.notifyAuthorAction(h, workspace(t), t, "proposed");
        });
        return e;
    }

    /** The freelancer's edit of the words, waiting for the author: emailed to them with a fresh private link. */
    void proposeByFreelancer(Handle h, Testimonial t, String body, CurrentUser user) {
        ConsentDao dao = h.attach(ConsentDao.class);
        dao.supersede(t.workspaceId(), t.id(), clock.instant());
        dao.propose(t.workspaceId(), t.id(), Proposal.FREELANCER, user.accountId(), body, clock.instant());
        mails.sendProposal(h, workspace(t), t, newAuthorLink(h, t));
    }

    /** Whether the author can approve through a private link (they sent their words with an email address). */
    static boolean authorDecides(Handle h, Testimonial t) {
        return h.attach(ConsentDao.class).hasAuthorLink(t.workspaceId(), t.id());
    }

    /** The author decides on the freelancer's pending proposal. */
    public boolean decideByAuthor(Testimonial t, long proposalId, boolean approve) {
        return decide(t, proposalId, approve, Proposal.FREELANCER, t.name(), null);
    }

    /** The freelancer decides on the author's pending proposal. */
    public boolean decideByFreelancer(Testimonial t, long proposalId, boolean approve, CurrentUser user) {
        return decide(t, proposalId, approve, Proposal.AUTHOR, user.displayName(), user.accountId());
    }

    private boolean decide(Testimonial t, long proposalId, boolean approve, String proposedBy, String who, Long accountId) {
        return changes.run(t.workspaceId(), h -> {
            ConsentDao dao = h.attach(ConsentDao.class);
            Optional<Proposal> p = dao.lockPending(t.workspaceId(), t.id(), proposalId).filter(x -> x.proposedBy().equals(proposedBy));
            if (p.isEmpty()) return 0;
            dao.decide(t.workspaceId(), proposalId, approve ? "approved" : "declined", clock.instant());
            if (!approve) return 1;
            // Agreed by both sides: these are now the author's approved words (what "restore original" goes back to).
            dao.replaceBody(t.workspaceId(), t.id(), p.get().body(), TestimonialService.bodyHash(p.get().body()), p.get().body());
            h.attach(TestimonialDao.class).recordEdit(t.workspaceId(), t.id(), accountId, who, "body", t.body(), p.get().body());
            return 1;
        }) == 1;
    }

    /** After approval: the author gets a private link to keep control of what is now public. */
    void published(Handle h, Testimonial t) {
        if (t.email() == null || !t.consentPublish()) return;
        mails.sendPublished(h, workspace(t), t, newAuthorLink(h, t));
    }

    private String newAuthorLink(Handle h, Testimonial t) {
        String token = Tokens.random();
        h.attach(ConsentDao.class).insertLink(Tokens.sha256(token), t.workspaceId(), t.id(), AUTHOR, null, clock.instant());
        return token;
    }

    private Workspace workspace(Testimonial t) { return workspaces.findById(t.workspaceId()).orElseThrow(); }

    static FormErrors validBody(String body) {
        FormErrors e = FormErrors.none();
        e.required("body", body).maxLength("body", body, TestimonialForm.BODY_MAX);
        if (body != null && !body.isBlank() && body.codePointCount(0, body.length()) < TestimonialForm.BODY_MIN) {
            e.add("body", "testimonial.error.bodyShort", TestimonialForm.BODY_MIN);
        }
        return e;
    }
}
