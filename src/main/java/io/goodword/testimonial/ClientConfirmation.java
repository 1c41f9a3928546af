package io.goodword.testimonial;

import io.goodword.account.WorkspaceDao;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import java.time.Clock;
import java.util.Optional;

/**
 * Engagement-verified for words that did not come through a personal link: the freelancer links a hand-typed or
 * imported testimonial to a client (and project), and it becomes verified only when that client confirms it through
 * a personal link emailed to them. Linking alone never verifies.
 */
public final class ClientConfirmation {
    static final String CONFIRM = "confirm";

    private final PublicChanges changes;
    private final TestimonialMails mails;
    private final WorkspaceDao workspaces;
    private final Clock clock;

    ClientConfirmation(PublicChanges changes, TestimonialMails mails, WorkspaceDao workspaces, Clock clock) {
        this.changes = changes;
        this.mails = mails;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** A confirmation link: the testimonial and the client asked. */
    public record Pending(Testimonial testimonial, ConsentDao.ClientMatch client, String tokenHash, boolean used) {}

    /**
     * Links the testimonial to the client with this email (and one of their projects, optional) and emails them a
     * link to confirm. Errors: no such client, a project not theirs, a testimonial that came through a link.
     */
    public FormErrors request(Testimonial t, String email, String projectParam) {
        String normal = Validation.normalizeEmail(Validation.clean(email));
        FormErrors e = FormErrors.none();
        e.required("clientEmail", normal).maxLength("clientEmail", normal, 254).email("clientEmail", normal);
        if (t.source() != TestimonialSource.MANUAL && t.source() != TestimonialSource.IMPORT) e.add("clientEmail", "testimonial.confirm.error.source");
        if (!e.isEmpty()) return e;
        return changes.run(t.workspaceId(), h -> {
            ConsentDao dao = h.attach(ConsentDao.class);
            Optional<ConsentDao.ClientMatch> c = dao.clientByEmail(t.workspaceId(), normal);
            if (c.isEmpty()) {
                e.add("clientEmail", "testimonial.confirm.error.noClient");
                return 0;
            }
            Long project = projectOf(dao, t.workspaceId(), c.get().id(), projectParam);
            if (projectParam != null && !projectParam.isBlank() && project == null) {
                e.add("project", "testimonial.confirm.error.project");
                return 0;
            }
            dao.linkClient(t.workspaceId(), t.id(), c.get().id(), project);
            String token = Tokens.random();
            dao.insertLink(Tokens.sha256(token), t.workspaceId(), t.id(), CONFIRM, c.get().id(), clock.instant());
            mails.sendConfirmRequest(h, workspaces.findById(t.workspaceId()).orElseThrow(), c.get().email(), c.get().name(), token);
            return 1;
        }) == 1 ? FormErrors.none() : e;
    }

    private static Long projectOf(ConsentDao dao, long ws, long client, String param) {
        if (param == null || param.isBlank()) return null;
        return dao.projectsOf(ws, client).stream().filter(p -> String.valueOf(p.id()).equals(param.strip()))
                .map(ConsentDao.ProjectOption::id).findFirst().orElse(null);
    }

    /** The confirmation behind a token, while its testimonial is still linked to the client asked. */
    public Optional<Pending> byToken(String token) {
        if (!Tokens.wellFormed(token)) return Optional.empty();
        String hash = Tokens.sha256(token);
        return changes.jdbi().withHandle(h -> {
            ConsentDao dao = h.attach(ConsentDao.class);
            return dao.link(hash).filter(l -> CONFIRM.equals(l.purpose()) && l.clientId() != null).flatMap(l ->
                    h.attach(TestimonialDao.class).findById(l.workspaceId(), l.testimonialId())
                            .filter(t -> l.clientId().equals(t.clientId()))
                            .flatMap(t -> dao.client(l.workspaceId(), l.clientId())
                                    .map(c -> new Pending(t, c, hash, l.usedAt() != null))));
        });
    }

    /** The client confirms: verified from now, and the consents they give here are recorded as theirs. */
    public void confirm(Pending p, Consents consents, String ip) {
        Testimonial t = p.testimonial();
        changes.run(t.workspaceId(), h -> {
            ConsentDao dao = h.attach(ConsentDao.class);
            if (dao.useLink(p.tokenHash(), clock.instant()) == 0) return 0;
            dao.confirm(t.workspaceId(), t.id(), p.client().id(), clock.instant());
            ConsentLedger.change(h, t, consents, new ConsentLedger.Given(ConsentChannel.LINK, p.client().name(), ip, null),
                    clock.instant());
            return 1;
        });
    }

    /** What the admin page shows of consents, proposals and confirmation; the typed values are kept on a refusal. */
    public TrustPanel panel(Testimonial t, String typedEmail, String typedProject) {
        return changes.jdbi().withHandle(h -> {
            ConsentDao dao = h.attach(ConsentDao.class);
            ConsentDao.ClientMatch linked = t.clientId() == null ? null : dao.client(t.workspaceId(), t.clientId()).orElse(null);
            return new TrustPanel(dao.ledger(t.workspaceId(), t.id()), dao.proposals(t.workspaceId(), t.id()),
                    AuthorControl.authorDecides(h, t), t.source() == TestimonialSource.MANUAL || t.source() == TestimonialSource.IMPORT,
                    linked, linked == null ? java.util.List.of() : dao.projectsOf(t.workspaceId(), linked.id()),
                    dao.openConfirmations(t.workspaceId(), t.id()) > 0, typedEmail,
                    typedProject != null ? typedProject : t.projectId() == null ? "" : String.valueOf(t.projectId()));
        });
    }
}
