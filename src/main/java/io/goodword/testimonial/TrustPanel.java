package io.goodword.testimonial;

import java.util.List;

/**
 * The trust side of a testimonial on its admin page: the consent ledger, the text proposals of both sides, whether
 * the author approves edits through their link, and (hand-typed or imported words) the client it is linked to, the
 * projects to name and whether a confirmation is awaited. {@code clientEmail} is as typed in the link form.
 */
public record TrustPanel(List<ConsentRecord> ledger, List<Proposal> proposals, boolean authorDecides, boolean confirmable,
                         ConsentDao.ClientMatch linked, List<ConsentDao.ProjectOption> projects, boolean awaitingConfirmation,
                         String clientEmail, String project) {

    public boolean hasPending(String by) { return proposals.stream().anyMatch(p -> p.pending() && p.proposedBy().equals(by)); }

    public boolean projectIs(long id) { return String.valueOf(id).equals(project); }

    /** The email the link form starts with: as typed, else the linked client's. */
    public String emailShown() { return clientEmail != null ? clientEmail : linked == null || linked.email() == null ? "" : linked.email(); }
}
