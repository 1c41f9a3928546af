package io.goodword.casestudy;

import io.goodword.account.PublicSites;
import io.goodword.account.WorkspaceDao;
import io.goodword.media.ImageStore;
import io.goodword.security.Auth;
import io.goodword.security.FormGuard;
import io.goodword.security.Secrets;
import org.jdbi.v3.core.Jdbi;

/**
 * The case-study feature's controllers, wired once: the public pages on the freelancer's site, the admin's editor
 * (whose preview renders through the public pages) and the client's approval page behind its token link.
 */
public record CaseStudyControllers(CaseStudyPublicController pages, CaseStudyController editor,
                                   ApprovalController approval) {

    public static CaseStudyControllers wire(Jdbi jdbi, CaseStudyService service, PublicSites sites, Auth auth,
                                            WorkspaceDao workspaces, FormGuard guard, ImageStore images,
                                            Secrets.Signer coverSigner, String baseUrl) {
        CaseStudyDao dao = jdbi.onDemand(CaseStudyDao.class);
        CaseStudyPublicController pages = new CaseStudyPublicController(dao, service, sites, auth, baseUrl);
        return new CaseStudyControllers(pages, new CaseStudyController(service, dao, images, pages, coverSigner),
                new ApprovalController(service, dao, workspaces, guard));
    }
}
