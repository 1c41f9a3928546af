package io.goodword.testimonial;

import io.goodword.account.Workspace;
import io.goodword.mail.Outbox;
import io.goodword.media.ImageStore;
import io.goodword.security.FormGuard;
import io.goodword.security.Tokens;
import io.goodword.web.FormErrors;
import io.goodword.web.I18n;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * How testimonials come in: from the open form, a personal link, by hand or by import, and the submitter's private
 * edit link. Moderation (what the public sees) is {@link TestimonialModeration}.
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

    private final Jdbi jdbi;
    private final ImageStore images;
    private final PublicCache cache;
    private final Clock clock;
    private final TestimonialMails mails;
    private final TestimonialEvents events;

    public TestimonialService(Jdbi jdbi, Outbox outbox, ImageStore images, PublicCache cache, I18n i18n, Clock clock,
                              String baseUrl) {
        this.jdbi = jdbi;
        this.images = images;
        this.cache = cache;
        this.clock = clock;
        this.mails = new TestimonialMails(outbox, i18n, baseUrl);
        this.events = new TestimonialEvents(baseUrl);
    }

    TestimonialMails mails() { return mails; }

    TestimonialEvents events() { return events; }

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
                Testimonial t = ConsentLedger.recordNew(h, ws.id(), id, Consents.of(f), origin,
                        new ConsentLedger.Given(origin.channel(), f.name(), origin.ip(), null), clock.instant());
                mails.notifyFreelancer(h, ws, t);
                events.submitted(h, clock.instant(), t);
                if (token != null) mails.sendEditLink(h, ws, t, token);
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
            return new SubmitResult(null, FormErrors.of("body", "testimonial.error.duplicate"), f);
        }
        return new SubmitResult(saved.get(), FormErrors.none(), f.withCurrentPhoto(file));
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
            changed = jdbi.inTransaction(h -> {
                int n = h.attach(TestimonialDao.class).updateBySubmitter(t.workspaceId(), t.id(), f.ratingValue(), f.body(),
                        bodyHash(f.body()), f.name(), f.role(), f.company(), f.website(), keep, f.consentPublish(),
                        f.consentShowPhoto(), f.consentShowCompany());
                if (n == 1) ConsentLedger.change(h, t, Consents.of(f), ConsentLedger.Given.author(t, null), clock.instant());
                return n;
            });
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
                return ConsentLedger.recordNew(h, ws.id(), id, Consents.of(f), Origin.manual(),
                        new ConsentLedger.Given(ConsentChannel.MANUAL, f.name(), null, null), clock.instant());
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
                Consents c = r.consentsWith(consentForAll);
                long id = dao.insert(workspaceId, null, TestimonialStatus.PENDING.db(), TestimonialSource.IMPORT.db(), false,
                        r.rating(), r.body(), hash, r.name(), r.role(), r.company(), r.website(), r.email(), null,
                        c.publish(), c.photo(), c.company(), null, null, null);
                dao.setProvenance(workspaceId, id, r.platform(), r.link(), r.date(), r.avatar());
                ConsentLedger.recordImport(h, workspaceId, id, c, r.name(), r.withdrawnAt(), clock.instant());
                if (!r.tags().isEmpty()) dao.addTags(workspaceId, id, r.tags());
                n++;
            }
            return n;
        });
    }

    /** The same words, however spaced or capitalised, give the same hash. */
    public static String bodyHash(String body) {
        String normal = body == null ? "" : body.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
        return Tokens.sha256(normal);
    }
}
