package io.goodword.casestudy;

import io.goodword.media.ImageStore;
import io.goodword.security.Secrets;
import io.goodword.web.FormErrors;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;

/** The editor's cover image: read from the form, stored at once, and carried across a failed save in a signed field. */
final class CoverUpload {
    static final int COVER_MAX_SIDE = 1600;

    private final ImageStore images;
    private final Secrets.Signer coverSigner;

    CoverUpload(ImageStore images, Secrets.Signer coverSigner) {
        this.images = images;
        this.coverSigner = coverSigner;
    }

    /**
     * The hidden field that carries a cover uploaded with a save that failed (so the upload is not lost): the file
     * name signed for this workspace, so a forged one (another tenant's public file name) is worth nothing.
     */
    String pendingCoverField(long workspaceId, String file) {
        return file + "." + coverSigner.sign(workspaceId + "." + file);
    }

    /** The file name from {@link #pendingCoverField}, when its signature is this workspace's and the file exists. */
    private String pendingCover(long workspaceId, String field) {
        if (field == null) return null;
        int dot = field.lastIndexOf('.');
        if (dot <= 0) return null;
        String file = field.substring(0, dot);
        if (!coverSigner.verify(workspaceId + "." + file, field.substring(dot + 1))) return null;
        return images.find(file).isPresent() ? file : null;
    }

    /**
     * The cover: this request's upload, else one uploaded with a save that failed, else the current one (the row).
     * A refused upload adds its error to {@code coverErrors}.
     */
    CaseStudyForm withCover(Context ctx, long workspaceId, String current, CaseStudyForm form, FormErrors coverErrors)
            throws IOException {
        String pending = pendingCover(workspaceId, ctx.formParam("coverUpload"));
        form = form.withCover(pending != null ? pending : current, form.removeCover());
        UploadedFile file = ctx.uploadedFile("cover");
        if (file == null || file.size() == 0) return form;
        if (file.size() > ImageStore.MAX_BYTES) {
            coverErrors.add("cover", "error.image.tooLarge");
            return form;
        }
        try {
            // stored at once and carried in a signed hidden field, so a failed save does not lose the upload
            return form.withCover(images.store(file.content().readAllBytes(), COVER_MAX_SIDE, ImageStore.Fit.WITHIN), false);
        } catch (ImageStore.Rejected r) {
            coverErrors.add("cover", r.messageKey());
            return form;
        }
    }
}
