package io.goodword.webhook;

import io.goodword.web.Dates;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;
import java.util.List;

/** The page records of /admin/settings/webhooks; formatting happens here, templates only show. */
public final class WebhookPages {
    private WebhookPages() {}

    /** The endpoints, the form to add one (with what was typed and its errors) and the events it can choose. */
    public record ListPage(Shell shell, List<Endpoint> endpoints, WebhookForm form, FormErrors errors, List<String> events) {}

    /** One endpoint: its secret, its actions and its latest deliveries. */
    public record EndpointPage(Shell shell, Endpoint endpoint, List<DeliveryRow> deliveries) {}

    /** A delivery as the table shows it; {@code answer} is the last status code, or empty when none came. */
    public record DeliveryRow(long id, String type, String status, String when, String isoWhen, int attempts,
                              String answer, String error) {
        static DeliveryRow of(Delivery d, Dates dates) {
            return new DeliveryRow(d.id(), d.eventType(), d.status(), dates.whenSeconds(d.createdAt()), Dates.iso(d.createdAt()),
                    d.attempts(), d.lastStatus() == null ? "" : String.valueOf(d.lastStatus()),
                    d.lastError() == null ? "" : d.lastError());
        }
    }
}
