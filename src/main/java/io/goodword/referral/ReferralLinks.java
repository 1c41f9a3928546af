package io.goodword.referral;

import io.goodword.db.DuplicateKey;
import io.goodword.db.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Ambassadors' personal links and codes: created on first use, resolved from a typed or remembered code, emailed.
 * Entry point for the client flow ({@code /c/{token}}): {@link #linkFor(long, long)}.
 */
public final class ReferralLinks {
    private static final int CODE_ATTEMPTS = 8;

    private final Jdbi jdbi;
    private final LinkDao links;
    private final ReferralPrograms programs;
    private final ReferralMails mails;
    private final AttributionCookie cookies;
    private final Clock clock;
    private final String baseUrl;

    ReferralLinks(Jdbi jdbi, ReferralPrograms programs, ReferralMails mails, AttributionCookie cookies, Clock clock,
                  String baseUrl) {
        this.jdbi = jdbi;
        this.links = jdbi.onDemand(LinkDao.class);
        this.programs = programs;
        this.mails = mails;
        this.cookies = cookies;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** A link with its program and its ambassador. */
    public record LinkContext(Link link, Program program, ClientRef referrer) {}

    /** A personal link and its public address. */
    public record LinkResult(Link link, String url) {}

    public enum Sent { SENT, NO_EMAIL, NO_LINK }

    /** The public path of a personal link: the one place that spells it (pages, emails, QR codes, redirects). */
    public static String path(String code) { return "/r/" + code; }

    public String url(String code) { return baseUrl + path(code); }

    public AttributionCookie cookies() { return cookies; }

    /** The client's personal link for the workspace's current program, created on first use; empty when no program runs or the client is not the workspace's. */
    public Optional<LinkResult> linkFor(long workspaceId, long clientId) {
        return programs.currentProgram(workspaceId).flatMap(p -> linkFor(workspaceId, p.id(), clientId));
    }

    /** The client's link for this program, created on first use (a random code, retried on the rare collision). */
    public Optional<LinkResult> linkFor(long workspaceId, long programId, long clientId) {
        if (links.client(workspaceId, clientId).isEmpty() || programs.find(workspaceId, programId).isEmpty()) {
            return Optional.empty();
        }
        Optional<Link> existing = links.find(workspaceId, programId, clientId);
        if (existing.isPresent()) return existing.map(this::result);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            try {
                links.insert(workspaceId, programId, clientId, ReferralCodes.next());
                return links.find(workspaceId, programId, clientId).map(this::result);
            } catch (DuplicateKey e) {
                if (e.is("uq_referral_link_client")) {
                    return links.find(workspaceId, programId, clientId).map(this::result); // created concurrently
                }
                // another link already has this code: draw again
            }
        }
        throw new IllegalStateException("no free referral code after " + CODE_ATTEMPTS + " attempts");
    }

    private LinkResult result(Link l) { return new LinkResult(l, url(l.code())); }

    public Optional<LinkContext> resolve(String typedCode) {
        String code = ReferralCodes.normalize(typedCode);
        if (code == null) return Optional.empty();
        return links.findByCode(code).flatMap(this::context);
    }

    private Optional<LinkContext> context(Link l) {
        Optional<Program> p = programs.find(l.workspaceId(), l.programId());
        Optional<ClientRef> c = links.client(l.workspaceId(), l.clientId());
        return p.isEmpty() || c.isEmpty() ? Optional.empty() : Optional.of(new LinkContext(l, p.get(), c.get()));
    }

    /** The referral code remembered by the attribution cookie, if still within the window and of this workspace. */
    public Optional<LinkContext> attributed(long workspaceId, String cookie) {
        int days = programs.attributionDays(workspaceId);
        return cookies.code(cookie, days).flatMap(links::findByCode)
                .filter(l -> l.workspaceId() == workspaceId).flatMap(this::context);
    }

    /** The link a credit to this client goes through: theirs for the current program (created on first use). */
    LinkContext referrerContext(long workspaceId, ClientRef client) {
        return linkFor(workspaceId, client.id())
                .map(r -> new LinkContext(r.link(), programs.find(workspaceId, r.link().programId()).orElseThrow(), client))
                .orElse(new LinkContext(null, null, client));
    }

    /** Emails the client their personal link for this program. */
    public Sent emailLink(long workspaceId, long programId, long clientId) {
        ClientRef client = links.client(workspaceId, clientId).orElseThrow(NotFound::new);
        Optional<LinkResult> link = linkFor(workspaceId, programId, clientId);
        if (link.isEmpty()) return Sent.NO_LINK;
        if (client.email() == null || client.email().isBlank()) return Sent.NO_EMAIL;
        Program program = programs.find(workspaceId, programId).orElseThrow();
        jdbi.useTransaction(h -> {
            mails.link(h, workspaceId, client, program, link.get().url());
            h.attach(LinkDao.class).markUsed(workspaceId, link.get().link().id(), clock.instant()); // sent: shared
        });
        return Sent.SENT;
    }
}
