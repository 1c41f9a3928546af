package io.goodword.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.QrCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The referral step inside a promoter's check-in flow (/c/{token}). */
class ReferralAskStepIT {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    record Flow(Fixtures.Freelancer f, long client, String path, Http visitor) {}

    /** A client with a personal link (copied by the freelancer) who answered {@code score}. */
    static Flow answered(int score, boolean withProgram) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        long client = ReferralData.client(f.workspaceId(), "Ada Lovelace", Fixtures.unique("ada") + "@example.com");
        if (withProgram) ReferralData.program(f.workspaceId(), "WON", "");
        Http admin = Fixtures.signedIn(app, f);
        String url = admin.post("/admin/clients/" + client + "/link", Map.of()).html().select("#personal-link").attr("value");
        String path = url.substring(url.indexOf("/c/"));
        Http visitor = app.http();
        assertThat(visitor.post(path + "/score", Map.of("score", String.valueOf(score))).status()).isEqualTo(303);
        return new Flow(f, client, path, visitor);
    }

    /** Moves on (skipping) through the steps before the referral step; returns the referral step page or null. */
    static Document advanceToReferral(Flow flow) {
        for (int i = 0; i < 5; i++) {
            Document page = flow.visitor().get(flow.path()).html();
            String step = page.select("input[name=step]").attr("value");
            if (step.equals("referral")) return page;
            if (step.isEmpty()) return null;
            flow.visitor().post(flow.path() + "/step", Map.of("step", step, "skip", "1"));
        }
        return null;
    }

    @Test
    void a_promoter_gets_their_link_and_introduces_a_friend_who_becomes_their_lead() throws Exception {
        Flow flow = answered(10, true);
        Document page = advanceToReferral(flow);
        assertThat(page).as("promoters are offered the referral step").isNotNull();
        assertThat(page.select("h1").text()).contains("Know someone who could use " + flow.f().displayName());
        assertThat(page.select("#ask-friend-h").text()).isEqualTo("Or introduce someone now"); // after the link
        String link = page.select("#ask-link").attr("value");
        assertThat(link).matches("http://localhost:\\d+/r/[A-HJ-NP-Za-km-z2-9]{8}");
        // sent on to one friend: the personal channels carry the link with a line around it, and a QR code holds it
        String encoded = URLEncoder.encode(link, StandardCharsets.UTF_8);
        assertThat(page.select("#ask-share-whatsapp").attr("href")).startsWith("https://wa.me/?text=I%20can%20recommend%20")
                .endsWith("%20" + encoded);
        assertThat(page.select("#ask-share-sms").attr("href")).startsWith("sms:?&body=").endsWith("%20" + encoded);
        assertThat(page.select("#ask-share-email").attr("href")).startsWith("mailto:?subject=A%20recommendation").endsWith("%20" + encoded);
        assertThat(page.select("details.qr-fold summary").text()).isEqualTo("Show it as a QR code");
        assertThat(page.select("#ask-qr svg").attr("role")).isEqualTo("img");
        assertThat(page.select("#ask-qr svg").attr("aria-labelledby")).isEqualTo("ask-qr-title");
        assertThat(page.select("#ask-qr-title").text()).as("the code's accessible name is its link").isEqualTo(link);
        assertThat(QrCodes.decodeSvg(page.select("#ask-qr svg").outerHtml())).isEqualTo(link);

        Map<String, String> friend = new HashMap<>(Map.of("step", "referral", "name", "Grace Hopper",
                "email", Fixtures.unique("grace") + "@example.com", "message", "Needs a compiler audit"));
        Http.Response missingConsent = flow.visitor().post(flow.path() + "/step", friend);
        assertThat(missingConsent.status()).isEqualTo(422);
        assertThat(missingConsent.html().select("#f-consent-error").text()).isNotBlank();
        assertThat(missingConsent.html().select("#f-name").attr("value")).isEqualTo("Grace Hopper");
        assertThat(missingConsent.html().select("#f-message").text()).isEqualTo("Needs a compiler audit");

        friend.put("consent", "yes");
        Http.Response sent = flow.visitor().post(flow.path() + "/step", friend);
        assertThat(sent.status()).isEqualTo(303);
        Lead lead = ReferralData.lead(flow.f().workspaceId(), ReferralData.lastLeadId(flow.f().workspaceId()));
        assertThat(lead.name()).isEqualTo("Grace Hopper");
        assertThat(lead.referrerClientId()).isEqualTo(flow.client());
        assertThat(flow.visitor().get(flow.path()).html().select("form")).as("the flow is done").isEmpty();
    }

    @Test
    void without_a_program_the_friend_is_still_kept_as_a_lead() {
        Flow flow = answered(9, false);
        Document page = advanceToReferral(flow);
        assertThat(page).isNotNull();
        assertThat(page.select("#ask-link")).as("no program, no link").isEmpty();
        assertThat(page.select("#ask-friend-h").text()).as("no \"Or\" without a link before it").isEqualTo("Introduce someone now");
        assertThat(page.select("#ask-share, #ask-qr")).as("nothing to share without a link").isEmpty();
        // the client fills in someone else's details: every label says whose, and the browser offers none of theirs
        assertThat(page.select("label[for=f-name]").text()).isEqualTo("Their name");
        assertThat(page.select("label[for=f-email]").text()).isEqualTo("Their email");
        assertThat(page.select("label[for=f-phone]").text()).startsWith("Their phone");
        assertThat(page.select("#f-name, #f-email, #f-phone").eachAttr("autocomplete")).containsOnly("off");
        flow.visitor().post(flow.path() + "/step", Map.of("step", "referral", "name", "Linus", "email",
                Fixtures.unique("linus") + "@example.com", "message", "Kernel work", "consent", "yes"));
        Lead lead = ReferralData.lead(flow.f().workspaceId(), ReferralData.lastLeadId(flow.f().workspaceId()));
        assertThat(lead.name()).isEqualTo("Linus");
        assertThat(lead.referrerClientId()).isEqualTo(flow.client());
    }

    @Test
    void passives_and_detractors_are_never_offered_the_referral_step() {
        assertThat(advanceToReferral(answered(8, true))).isNull();
        assertThat(advanceToReferral(answered(3, true))).isNull();
    }
}
