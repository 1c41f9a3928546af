package io.goodword.ask;

import io.goodword.account.Workspace;
import io.goodword.client.Client;
import io.goodword.web.Csrf;
import io.goodword.web.Flash;
import io.goodword.web.Localizer;
import io.goodword.web.Shell;
import io.javalin.http.Context;

/** A client following their personal link: the ask, who they are, whose portal it is, in the client's language. */
public record AskVisit(String token, Ask ask, Client client, Workspace workspace, Localizer t) {
    public String path() { return "/c/" + token; }

    /** The layout data of every page of the flow, including the steps other features provide. */
    public Shell shell(Context ctx) {
        return new Shell(t.text("ask.flow.title", workspace.displayName()), t, () -> Csrf.token(ctx), Flash.pop(ctx), null, "");
    }
}
