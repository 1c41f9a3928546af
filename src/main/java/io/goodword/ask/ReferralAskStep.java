package io.goodword.ask;

import gg.jte.Content;
import io.goodword.referral.FriendForm;
import io.goodword.referral.Program;
import io.goodword.referral.ReferralLinks;
import io.goodword.referral.ReferralSubmissions;
import io.goodword.referral.Referrals;
import io.goodword.security.FormGuard;
import io.goodword.web.FormErrors;
import io.goodword.web.Localizer;
import io.goodword.web.QrCode;
import io.goodword.web.ShareLinks;
import io.goodword.web.Shell;
import io.goodword.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The referral step of a promoter's check-in flow (/c/{token}): their own link to share (when a program runs)
 * and a form to introduce someone now. Without a program the friend's contact is still kept as a lead.
 */
public final class ReferralAskStep implements AskStep {
    private final Referrals referrals;
    private final FormGuard guard;

    public ReferralAskStep(Referrals referrals, FormGuard guard) {
        this.referrals = referrals;
        this.guard = guard;
    }

    /** What the step page shows. */
    public record Page(Shell shell, AskVisit visit, String brandName, String logoUrl, String link, String referrerReward,
                       String friendReward, FriendForm form, FormErrors errors) {
        public String action() { return visit.path() + "/step"; }

        public String themeUrl() { return visit.themeUrl(); }

        /** The link with a few words around it, for WhatsApp, a text message or an email to one friend. */
        public ShareLinks share() {
            Localizer t = shell.t();
            return new ShareLinks(link, friendReward == null ? t.text("referral.ask.shareText", brandName)
                    : t.text("referral.ask.shareTextReward", brandName, friendReward));
        }

        public String shareSubject() { return shell.t().text("referral.ask.shareSubject", brandName); }

        /** The link as a QR code in the page, for a friend standing next to the client. */
        public Content qrCode() { return QrCode.inline(link, "ask-qr"); }
    }

    @Override
    public Step step() { return Step.REFERRAL; }

    @Override
    public void show(Context ctx, AskVisit visit) {
        Views.render(ctx, "ask/referralStep.jte", page(ctx, visit,
                FriendForm.empty().withStamp(guard.stamp(FormGuard.Form.CHECKIN)), FormErrors.none()));
    }

    @Override
    public boolean submit(Context ctx, AskVisit visit) {
        FriendForm form = typedForm(ctx);
        FormGuard.Verdict g = guard.check(ctx, FormGuard.Form.CHECKIN); // the honeypot; the flow counts its posts
        if (!g.passed()) {
            g.refuse(ctx);
            Views.render(ctx, "ask/referralStep.jte", page(ctx, visit, form, g.errors()));
            return false;
        }
        // Once per rendered form: sent again (double click, a retry after a crash before the flow moved on), the
        // friend is saved once and the client is answered like the first time.
        ReferralSubmissions.Submission result = referrals.submissions().submitFriendFromClient(visit.workspace().id(), visit.client().id(), form,
                ctx.ip(), g.once());
        if (result.outcome() == ReferralSubmissions.Outcome.SAVED) return true;
        ctx.status(result.outcome() == ReferralSubmissions.Outcome.THROTTLED ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.UNPROCESSABLE_CONTENT);
        Views.render(ctx, "ask/referralStep.jte", page(ctx, visit, form, result.errors()));
        return false;
    }

    /** The friend as the client typed them; shown again after an error, the form keeps its id (same stamp). */
    private FriendForm typedForm(Context ctx) {
        FriendForm typed = FriendForm.from(ctx);
        return FriendForm.byClient(typed.name(), typed.email(), typed.phone(), typed.message(), typed.consent())
                .withStamp(guard.restamp(FormGuard.Form.CHECKIN, ctx.formParam(FormGuard.STAMP)));
    }

    private Page page(Context ctx, AskVisit v, FriendForm form, FormErrors errors) {
        Localizer t = v.t();
        Shell shell = Views.publicShell(ctx, v.t(), v.title());
        long ws = v.workspace().id();
        Optional<ReferralLinks.LinkResult> link = referrals.links().linkFor(ws, v.client().id());
        Optional<Program> program = link.flatMap(l -> referrals.programs().currentProgram(ws));
        String referrerReward = program.map(Program::referrerReward).filter(Program.RewardSpec::present).map(r -> r.describe(t)).orElse(null);
        String friendReward = program.map(Program::friendReward).filter(Program.RewardSpec::present).map(r -> r.describe(t)).orElse(null);
        return new Page(shell, v, v.workspace().displayName(), v.workspace().logoUrl(), link.map(ReferralLinks.LinkResult::url).orElse(null),
                referrerReward, friendReward, form, errors);
    }
}
