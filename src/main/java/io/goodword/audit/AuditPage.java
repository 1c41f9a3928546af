package io.goodword.audit;

import io.goodword.web.Pager;
import io.goodword.web.Shell;
import java.util.List;

/** The audit log page: rows already formatted in the workspace's time zone. */
public record AuditPage(Shell shell, List<Row> rows, Pager pager, String timeZone) {
    public record Row(String when, String isoWhen, String actor, String action, String detail) {}
}
