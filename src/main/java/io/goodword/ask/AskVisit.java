package io.goodword.ask;

import io.goodword.account.Workspace;
import io.goodword.client.Client;
import io.goodword.web.Localizer;

/** A client following their personal link: the ask, who they are, whose portal it is, in the client's language. */
public record AskVisit(String token, Ask ask, Client client, Workspace workspace, Localizer t) {
    public String path() { return "/c/" + token; }

    /** The title of every page of the flow, including the steps other features provide. */
    /** The freelancer's brand colour for the client's pages, as on their public site. */
    public String themeUrl() { return io.goodword.account.Brand.of(workspace).themeUrl(); }

    public String title() { return t.text("ask.flow.title", workspace.displayName()); }
}
