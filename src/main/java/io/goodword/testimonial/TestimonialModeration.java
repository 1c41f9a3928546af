package io.goodword.testimonial;

import io.goodword.db.NotFound;
import io.goodword.security.CurrentUser;
import io.goodword.web.FormErrors;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The freelancer's decisions about testimonials: approve, reject, archive, feature, tags, reply, edits and the
 * collection prompt. Every change to what the public sees bumps the workspace's wall version in the same
 * transaction and clears this process's public cache after commit.
 */
public final class TestimonialModeration {
    public enum Action { APPROVE, REJECT, ARCHIVE, RESTORE, FEATURE, UNFEATURE;
        public static Action parse(String s) {
            if (s == null) return null;
            for (Action a : values()) if (a.name().equalsIgnoreCase(s.strip())) return a;
            return null;
        }
    }

    private final PublicChanges changes;
    private final AuthorControl author;
    private final Clock clock;
    private final TestimonialEvents events;

    TestimonialModeration(PublicChanges changes, AuthorControl author, Clock clock, TestimonialEvents events) {
        this.changes = changes;
        this.author = author;
        this.clock = clock;
        this.events = events;
    }

    /** Applies one moderation action; false when the testimonial is not in this workspace. */
    public boolean apply(long workspaceId, long id, Action action) {
        return apply(workspaceId, List.of(id), action) == 1;
    }

    /** Applies an action to several testimonials at once; returns how many were in this workspace. */
    public int apply(long workspaceId, List<Long> ids, Action action) {
        int n = changePublic(workspaceId, h -> {
            TestimonialDao dao = h.attach(TestimonialDao.class);
            int count = 0;
            for (long id : ids) {
                count += switch (action) {
                    case APPROVE -> approve(h, dao, workspaceId, id);
                    case REJECT -> dao.setStatus(workspaceId, id, TestimonialStatus.REJECTED.db(), clock.instant());
                    case ARCHIVE -> dao.setStatus(workspaceId, id, TestimonialStatus.ARCHIVED.db(), clock.instant());
                    case RESTORE -> dao.setStatus(workspaceId, id, TestimonialStatus.PENDING.db(), clock.instant());
                    case FEATURE -> dao.setFeatured(workspaceId, id, true);
                    case UNFEATURE -> dao.setFeatured(workspaceId, id, false);
                };
            }
            return count;
        });
        return n;
    }

    /** Approves; the first time, the author is emailed a private link to keep control of their published words. */
    private int approve(Handle h, TestimonialDao dao, long workspaceId, long id) {
        Optional<Testimonial> before = dao.findById(workspaceId, id);
        int n = dao.setStatus(workspaceId, id, TestimonialStatus.APPROVED.db(), clock.instant());
        if (n == 1 && before.get().approvedAt() == null) author.published(h, dao.findById(workspaceId, id).orElseThrow());
        // webhooks hear of each move to approved (not of approving what already is), in the same transaction
        if (n == 1 && before.get().status() != TestimonialStatus.APPROVED) {
            events.approved(h, clock.instant(), dao.findById(workspaceId, id).orElseThrow());
        }
        return n;
    }

    public boolean setTags(long workspaceId, long id, List<String> tags) {
        return changePublic(workspaceId, h -> {
            TestimonialDao dao = h.attach(TestimonialDao.class);
            if (dao.findById(workspaceId, id).isEmpty()) return 0;
            dao.clearTags(workspaceId, id);
            if (!tags.isEmpty()) dao.addTags(workspaceId, id, tags);
            return 1;
        }) == 1;
    }

    public boolean setReply(long workspaceId, long id, String reply) {
        return changePublic(workspaceId, h -> h.attach(TestimonialDao.class)
                .setReply(workspaceId, id, reply == null || reply.isBlank() ? null : reply)) == 1;
    }

    /** Saves the freelancer's edit; each changed field is recorded with its before and after. */
    public FormErrors edit(long workspaceId, long id, ContentForm form, CurrentUser user) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) return errors;
        changePublic(workspaceId, h -> {
            TestimonialDao dao = h.attach(TestimonialDao.class);
            Testimonial t = dao.findById(workspaceId, id).orElseThrow(NotFound::new);
            ContentForm before = ContentForm.of(t);
            // The author's own words change only with their approval (a marked excerpt is the freelancer's to set).
            String body = form.body();
            if (!body.equals(t.body()) && AuthorControl.authorDecides(h, t)) {
                author.proposeByFreelancer(h, t, body, user);
                body = t.body();
            }
            record(dao, t, user, "body", before.body(), body);
            record(dao, t, user, "excerpt", before.excerpt(), form.excerpt());
            record(dao, t, user, "name", before.name(), form.name());
            record(dao, t, user, "role", before.role(), form.role());
            record(dao, t, user, "company", before.company(), form.company());
            record(dao, t, user, "website", before.website(), form.website());
            return dao.updateContent(workspaceId, id, body, form.excerpt().isBlank() ? null : form.excerpt(),
                    form.name(), form.role(), form.company(), form.website());
        });
        return errors;
    }

    /** Whether a change of these words waits for their author's approval (see {@link AuthorControl#authorDecides}). */
    public boolean authorDecides(Testimonial t) {
        return changes.jdbi().withHandle(h -> AuthorControl.authorDecides(h, t));
    }

    /** Puts the client's original words back (recorded as an edit too). */
    public boolean restoreOriginal(long workspaceId, long id, CurrentUser user) {
        return changePublic(workspaceId, h -> {
            TestimonialDao dao = h.attach(TestimonialDao.class);
            Optional<Testimonial> t = dao.findById(workspaceId, id);
            if (t.isEmpty()) return 0;
            String original = t.get().originalBody() != null ? t.get().originalBody() : t.get().body();
            record(dao, t.get(), user, "body", t.get().body(), original);
            dao.updateContent(workspaceId, id, original, t.get().excerpt(), t.get().name(), t.get().role(),
                    t.get().company(), t.get().website());
            return 1;
        }) == 1;
    }

    private static void record(TestimonialDao dao, Testimonial t, CurrentUser user, String field, String before, String after) {
        if (Objects.equals(before == null ? "" : before, after == null ? "" : after)) return;
        dao.recordEdit(t.workspaceId(), t.id(), user.accountId(), user.displayName(), field, before == null ? "" : before,
                after == null ? "" : after);
    }

    public void setPrompt(long workspaceId, String prompt) {
        changePublic(workspaceId, h -> {
            h.attach(TestimonialDao.class).setPrompt(workspaceId, prompt == null || prompt.isBlank() ? null : prompt);
            return 1;
        });
    }

    /** Runs a change in a transaction that also bumps the wall version, then clears this process's cache. */
    private int changePublic(long workspaceId, HandleCallback<Integer, RuntimeException> change) {
        return changes.run(workspaceId, change);
    }
}
