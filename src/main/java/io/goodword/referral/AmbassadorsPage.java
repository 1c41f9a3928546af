package io.goodword.referral;

import io.goodword.client.ClientQuery;
import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.List;

/** Clients, their personal links, and the forms that create or email them; searched and paged like the client list. */
public record AmbassadorsPage(Shell shell, List<LinkDao.AmbassadorRow> rows, List<Program> programs, String baseUrl,
                              Long currentProgramId, ClientQuery query, int total, int pages) {
    static final String PATH = "/admin/referrals/ambassadors";

    public Pager pager() { return query.pager(PATH, pages); }
}
