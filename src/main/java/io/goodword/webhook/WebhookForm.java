package io.goodword.webhook;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.util.List;

/** A new endpoint as typed: its URL, and the wire names of the events ticked (anything else sent is dropped). */
public record WebhookForm(String url, List<String> events) {

    public static WebhookForm empty() { return new WebhookForm("", EventType.subscribable().stream().map(EventType::wire).toList()); }

    public static WebhookForm from(Context ctx) {
        List<String> ticked = ctx.formParams("events");
        return new WebhookForm(Validation.clean(ctx.formParam("url")), EventType.subscribable().stream()
                .map(EventType::wire).filter(ticked::contains).toList());
    }

    public boolean wants(String event) { return events.contains(event); }

    /** The checks that need no network: the address rules come after, in {@link Webhooks#create}. */
    public FormErrors validate() {
        FormErrors errors = FormErrors.none().required("url", url, "webhook.error.urlRequired");
        if (url.length() > SafeResolver.MAX_URL) errors.add("url", "webhook.error.urlLength", SafeResolver.MAX_URL);
        else if (!url.isEmpty() && SafeResolver.host(url) == null) errors.add("url", "webhook.error.url");
        if (events.isEmpty()) errors.add("events", "webhook.error.events");
        return errors;
    }
}
