package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.mail.Email;
import io.goodword.mail.Outbox;
import io.goodword.media.ImageStore;
import io.goodword.security.CurrentUser;
import io.goodword.security.FormGuard;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import io.goodword.web.Localizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of testimonials: submission (from the open form, a personal link, by hand or by import), the submitter's
 * private edit link, and moderation. Every change to what the public sees bumps the workspace's wall version in the
 * same transaction and clears this process's public cache after commit.
 */
public final class TestimonialService {
    static final int PHOTO_SIDE = 256;

    /**
     * Either the saved testimonial, or the errors, the form to show again and the status to answer: 422 for input to
     * correct, 507 when the photo could not be written (disk full), 503 when too many images are being decoded.
     */
    public record SubmitResult(Testimonial testimonial, FormErrors errors, TestimonialForm form, int status) {
        public SubmitResult(Testimonial testimonial, FormErrors errors, TestimonialForm form) {
            this(testimonial, errors, form, testimonial != null ? 200 : 422);
        }

        public boolean ok() { return testimonial != null; }

        SubmitResult withForm(TestimonialForm f) { return new SubmitResult(testimonial, errors, f, status); }

        /** The same rendered form was stored before (see {@link FormGuard.Once}): answer its success again. */
        public boolean repeated() { return testimonial == null && errors.isEmpty(); }
    }

    public enum Action { APPROVE, REJECT, ARCHIVE, RESTORE, FEATURE, UNFEATURE;
        public static Action parse(String s) {
            if (s == null) return null;
            for (Action a : values()) if (a.name().equalsIgnoreCase(s.strip())) return a;
            return null;
        }
    }

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final ImageStore images;
    private final PublicCache cache;
    private final I18n i18n;
    private final Clock clock;
    private final String baseUrl;

    public TestimonialService(Jdbi jdbi, Outbox outbox, ImageStore images, PublicCache cache, I18n i18n, Clock clock,
                              String baseUrl) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.images = images;
        this.cache = cache;
        this.i18n = i18n;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    // ---------------------------------------------------------------- submission

    /**
     * Saves a client's testimonial as pending, tells the freelancer, and emails the submitter a private edit link.
     * {@code photo} is the uploaded file's bytes (null or empty: none). Spam checks of the open form (honeypot,
     * fill time, rate limits) are the caller's, see {@link FormGuard}; duplicates are refused here for every origin.
     * The photo is decoded and stored only once the form is valid, so a refused attempt costs no decode and leaves
     * no file; the file is complete on disk before the row that names it is written.
     */
    public SubmitResult submit(Workspace ws, TestimonialForm form, byte[] photo, Origin origin) {
        return submit(ws, form, photo, origin, FormGuard.Once.none());
    }

    /**
     * The same, once per rendered form: a resubmit of an already stored {@code once} is {@link SubmitResult#repeated}.
     * Duplicates are checked inside the storing transaction only, after the form id: a resubmit of a stored form must
     * be answered as a success, not as a duplicate.
     */
    public SubmitResult submit(Workspace ws, TestimonialForm form, byte[] photo, Origin origin, FormGuard.Once once) {
        TestimonialForm f = form.withCurrentPhoto(null);
        FormErrors errors = f.validate();
        if (!errors.isEmpty()) return refused(errors, f, photo);
        String hash = bodyHash(f.body());
        String email = f.emailOrNull();
        Photo stored = storePhoto(photo);
        if (stored.refused() != null) return stored.refused().withForm(f);
        String file = stored.file();
        String token = email != null ? Tokens.random() : null;
        boolean[] repeated = {false};
        Optional<Testimonial> saved;
        try {
            saved = jdbi.inTransaction(h -> {
                if (!once.firstUse(h)) {
                    repeated[0] = true;
                    return Optional.<Testimonial>empty();
                }
                TestimonialDao dao = h.attach(TestimonialDao.class);
                if (dao.countDuplicates(ws.id(), hash, origin.ip(), email) > 0) return Optional.<Testimonial>empty();
                long id = dao.insert(ws.id(), origin.clientId(), TestimonialStatus.PENDING.db(), origin.source().db(),
                        origin.verified(), f.ratingValue(), f.body(), hash, f.name(), f.role(), f.company(), f.website(), email,
                        file, f.consentPublish(), f.consentShowPhoto(), f.consentShowCompany(), origin.ip(),
                        token == null ? null : Tokens.sha256(token), null);
                Testimonial t = dao.findById(ws.id(), id).orElseThrow();
                notifyFreelancer(h, ws, t);
                if (token != null) sendEditLink(h, ws, t, token);
                return Optional.of(t);
            });
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
        if (repeated[0]) {
            discard(file);
            return new SubmitResult(null, FormErrors.none(), f);
        }
        if (saved.isEmpty()) {
            discard(file);
            return duplicate(f);
        }
        return new SubmitResult(saved.get(), FormErrors.none(), f.withCurrentPhoto(file));
    }

    private static SubmitResult duplicate(TestimonialForm form) {
        return new SubmitResult(null, FormErrors.of("body", "testimonial.error.duplicate"), form);
    }

    /** A refused form; a photo sent with it was not looked at, so the submitter is asked to choose it again. */
    private static SubmitResult refused(FormErrors errors, TestimonialForm form, byte[] photo) {
        if (photo != null && photo.length > 0 && !errors.has("photo")) errors.add("photo", "testimonial.error.photoAgain");
        return new SubmitResult(null, errors, form);
    }

    /** A stored photo's file name (null: none sent), or the refusal to answer. */
    private record Photo(String file, SubmitResult refused) {}

    private Photo storePhoto(byte[] photo) {
        if (photo == null || photo.length == 0) return new Photo(null, null);
        try {
            return new Photo(images.store(photo, PHOTO_SIDE, ImageStore.Fit.SQUARE), null);
        } catch (ImageStore.Rejected r) {
            return new Photo(null, new SubmitResult(null, FormErrors.of("photo", r.messageKey()), null, r.status()));
        }
    }

    /** Removes a file this request stored but no row kept (the row was refused or its transaction failed). */
    private void discard(String file) {
        if (file != null) images.deleteIfUnreferenced(file);
    }

    // ---------------------------------------------------------------- the submitter's private link

    public Optional<Testimonial> byEditToken(String token) {
        if (token == null || token.length() != 43) return Optional.empty();
        return jdbi.withExtension(TestimonialDao.class, dao -> dao.findByEditToken(Tokens.sha256(token)));
    }

    /**
     * The submitter's changes; refused once the testimonial was moderated. The photo kept is the row's own (never a
     * name from the request), and a replaced photo is deleted only when no row anywhere still names it.
     */
    public SubmitResult updateBySubmitter(Testimonial t, TestimonialForm form, byte[] photo, boolean removePhoto) {
        TestimonialForm f0 = form.withCurrentPhoto(t.photoFile());
        FormErrors errors = f0.validate();
        if (!errors.isEmpty()) return refused(errors, f0, photo);
        String newFile = null;
        if (!removePhoto) {
            Photo stored = storePhoto(photo);
            if (stored.refused() != null) return stored.refused().withForm(f0);
            newFile = stored.file();
        }
        String keep = removePhoto ? null : newFile != null ? newFile : t.photoFile();
        TestimonialForm f = f0.withCurrentPhoto(keep);
        int changed;
        try {
            changed = jdbi.withExtension(TestimonialDao.class, dao -> dao.updateBySubmitter(t.workspaceId(), t.id(),
                    f.ratingValue(), f.body(), bodyHash(f.body()), f.name(), f.role(), f.company(), f.website(), keep,
                    f.consentPublish(), f.consentShowPhoto(), f.consentShowCompany()));
        } catch (RuntimeException e) {
            discard(newFile);
            throw e;
        }
        if (changed == 0) {
            discard(newFile);
            return new SubmitResult(null, FormErrors.of("", "testimonial.edit.locked"), f0);
        }
        if (t.photoFile() != null && !t.photoFile().equals(keep)) images.deleteIfUnreferenced(t.photoFile());
        return new SubmitResult(jdbi.withExtension(TestimonialDao.class, dao -> dao.findById(t.workspaceId(), t.id())).orElseThrow(),
                FormErrors.none(), f);
    }

    /** Deletes a testimonial its author takes back; only while it is pending. */
    public boolean withdraw(Testimonial t) {
        int n = jdbi.withExtension(TestimonialDao.class, dao -> dao.deletePending(t.workspaceId(), t.id()));
        if (n == 1 && t.photoFile() != null) images.deleteIfUnreferenced(t.photoFile());
        return n == 1;
    }

    // ---------------------------------------------------------------- moderation

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
                    case APPROVE -> dao.setStatus(workspaceId, id, TestimonialStatus.APPROVED.db(), clock.instant());
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
            Testimonial t = dao.findById(workspaceId, id).orElseThrow(() -> new io.javalin.http.NotFoundResponse());
            ContentForm before = ContentForm.of(t);
            record(dao, t, user, "body", before.body(), form.body());
            record(dao, t, user, "excerpt", before.excerpt(), form.excerpt());
            record(dao, t, user, "name", before.name(), form.name());
            record(dao, t, user, "role", before.role(), form.role());
            record(dao, t, user, "company", before.company(), form.company());
            record(dao, t, user, "website", before.website(), form.website());
            return dao.updateContent(workspaceId, id, form.body(), form.excerpt().isBlank() ? null : form.excerpt(),
                    form.name(), form.role(), form.company(), form.website());
        });
        return errors;
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

    /** A testimonial the freelancer received elsewhere (an email, a call), typed in by hand. */
    public SubmitResult addManual(Workspace ws, TestimonialForm form, byte[] photo, boolean approveNow) {
        TestimonialForm f = form.withCurrentPhoto(null);
        FormErrors errors = f.validate();
        if (!errors.isEmpty()) return refused(errors, f, photo);
        Photo stored = storePhoto(photo);
        if (stored.refused() != null) return stored.refused().withForm(f);
        String file = stored.file();
        Testimonial t;
        try {
            t = jdbi.inTransaction(h -> {
                TestimonialDao dao = h.attach(TestimonialDao.class);
                long id = dao.insert(ws.id(), null, (approveNow ? TestimonialStatus.APPROVED : TestimonialStatus.PENDING).db(),
                        TestimonialSource.MANUAL.db(), false, f.ratingValue(), f.body(), bodyHash(f.body()), f.name(), f.role(),
                        f.company(), f.website(), f.emailOrNull(), file, f.consentPublish(), f.consentShowPhoto(),
                        f.consentShowCompany(), null, null, approveNow ? clock.instant() : null);
                if (approveNow) dao.bumpWallVersion(ws.id());
                return dao.findById(ws.id(), id).orElseThrow();
            });
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
        if (approveNow) cache.invalidate(ws.id());
        return new SubmitResult(t, FormErrors.none(), f.withCurrentPhoto(file));
    }

    /** Imports the valid, non-duplicate rows of a previewed CSV in one transaction; returns how many. */
    public int importRows(long workspaceId, List<CsvImport.Row> rows, boolean consentForAll) {
        return jdbi.inTransaction(h -> {
            TestimonialDao dao = h.attach(TestimonialDao.class);
            int n = 0;
            for (CsvImport.Row r : rows) {
                if (!r.importable() || r.rating() < 1 || r.rating() > 5) continue; // the wall shows 1 to 5 stars only
                String hash = bodyHash(r.body());
                if (dao.countSameBody(workspaceId, hash) > 0) continue;
                long id = dao.insert(workspaceId, null, TestimonialStatus.PENDING.db(), TestimonialSource.IMPORT.db(), false,
                        r.rating(), r.body(), hash, r.name(), r.role(), r.company(), r.website(), r.email(), null,
                        r.consent() || consentForAll, false, r.consent() || consentForAll, null, null, null);
                if (!r.tags().isEmpty()) dao.addTags(workspaceId, id, r.tags());
                n++;
            }
            return n;
        });
    }

    public void setPrompt(long workspaceId, String prompt) {
        changePublic(workspaceId, h -> {
            h.attach(TestimonialDao.class).setPrompt(workspaceId, prompt == null || prompt.isBlank() ? null : prompt);
            return 1;
        });
    }

    /** Runs a change in a transaction that also bumps the wall version, then clears this process's cache. */
    private int changePublic(long workspaceId, org.jdbi.v3.core.HandleCallback<Integer, RuntimeException> change) {
        int n = jdbi.inTransaction(h -> {
            int count = change.withHandle(h);
            if (count > 0) h.attach(TestimonialDao.class).bumpWallVersion(workspaceId);
            return count;
        });
        cache.invalidate(workspaceId);
        return n;
    }

    /** The same words, however spaced or capitalised, give the same hash. */
    public static String bodyHash(String body) {
        String normal = body == null ? "" : body.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
        return Tokens.sha256(normal);
    }

    // ---------------------------------------------------------------- emails

    private void notifyFreelancer(Handle h, Workspace ws, Testimonial t) {
        Localizer l = i18n.localizer(ws.language());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(l.text("testimonial.mail.new.body", t.name(), t.rating()));
        paragraphs.add("“" + (t.body().length() > 300 ? t.body().substring(0, 300) + "…" : t.body()) + "”");
        if (t.verified()) paragraphs.add(l.text("testimonial.mail.new.verified"));
        for (String to : h.attach(TestimonialDao.class).freelancerEmails(ws.id())) {
            Email mail = Email.of(to, l.text("testimonial.mail.new.subject", t.name(), t.rating()),
                            l.text("testimonial.mail.new.greeting"), paragraphs)
                    .withAction(l.text("testimonial.mail.new.action"), baseUrl + "/admin/testimonials/" + t.id());
            outbox.enqueue(h, ws.id(), "testimonial-new", mail);
        }
    }

    private void sendEditLink(Handle h, Workspace ws, Testimonial t, String token) {
        Localizer l = i18n.localizer(ws.language());
        Email mail = Email.of(t.email(), l.text("testimonial.mail.thanks.subject", ws.displayName()),
                        l.text("mail.greeting", t.name()),
                        List.of(l.text("testimonial.mail.thanks.body", ws.displayName()), l.text("testimonial.mail.thanks.edit")))
                .withAction(l.text("testimonial.mail.thanks.action"), baseUrl + "/testimonial/edit/" + token);
        outbox.enqueue(h, ws.id(), "testimonial-edit-link", mail);
    }
}
