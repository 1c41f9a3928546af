package io.goodword.data;

import io.goodword.client.Client;
import io.goodword.web.FormErrors;
import io.goodword.web.Shell;

/** The page records of "own your data". */
public final class DataPages {
    private DataPages() {}

    /** Export and import of the whole workspace. */
    public record DataPage(Shell shell, FormErrors importErrors) {}

    /** Privacy requests for one client. */
    public record PrivacyPage(Shell shell, Client client, boolean erased, EraseForm form, FormErrors errors) {}
}
