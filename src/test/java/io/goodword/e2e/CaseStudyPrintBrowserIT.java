package io.goodword.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.casestudy.CaseStudySupport;
import io.goodword.support.AppExtension;
import io.goodword.support.BrowserTest;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;

/**
 * Issue 14, print styles for case studies: a freelancer prints a case study (or saves it as PDF) for a pitch. On
 * paper it is black on white even when the screen prefers dark, under the freelancer's name without the site's
 * navigation, footer and forms, links
 * spelled out, and the key results, quotes and figures never cut in half by a page break.
 */
class CaseStudyPrintBrowserIT extends BrowserTest {
    @RegisterExtension
    static final AppExtension app = new AppExtension();

    static final String STYLES = """
            const css = (sel, prop, pseudo) => { const e = document.querySelector(sel);
                return e ? getComputedStyle(e, pseudo || null).getPropertyValue(prop) : 'missing ' + sel; };
            return { header: css('.wall-header', 'display'), nav: css('.wall-nav', 'display'), footer: css('footer', 'display'),
                     bg: css('body', 'background-color'), ink: css('.case-study h1', 'color'),
                     prose: css('.case-study .cs-prose', 'color'),
                     linkAfter: css('.cs-prose a[href^="http"]', 'content', '::after'),
                     result: css('.cs-key-results li', 'break-inside'), quote: css('.cs-quote', 'break-inside'),
                     heading: css('.case-study h2', 'break-after') };""";

    @Test
    void a_printed_case_study_is_black_on_white_without_the_site_around_it_and_spells_out_its_links() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http admin = Fixtures.signedIn(app, f);
        Http.Response study = admin.post("/admin/case-studies", CaseStudySupport.form("A checkout that converts", "checkout"));
        assertThat(study.status()).isEqualTo(303);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), "checkout");
        assertThat(admin.post("/admin/case-studies/" + id + "/publish", Map.of()).status()).isEqualTo(303);

        browser.get(app.url("/p/" + f.slug() + "/case-studies/checkout"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        @SuppressWarnings("unchecked")
        Map<String, String> s = (Map<String, String>) browser.executeScript(STYLES);
        assertThat(s.get("header")).as("the freelancer's name and logo head the printout").isNotEqualTo("none");
        assertThat(s.get("nav")).as("the site's navigation on paper").isEqualTo("none");
        assertThat(s.get("footer")).as("the footer on paper").isEqualTo("none");
        assertThat(s.get("bg")).as("the paper").isIn("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)");
        assertThat(s.get("ink")).as("the title's ink with a dark screen preference").isEqualTo("rgb(0, 0, 0)");
        assertThat(s.get("prose")).as("the text's ink").isEqualTo("rgb(0, 0, 0)");
        assertThat(s.get("linkAfter")).as("a link in the text, spelled out").containsAnyOf("attr(href)", "https://example.com/report");
        assertThat(s.get("result")).as("a key result across a page break").isEqualTo("avoid");
        assertThat(s.get("heading")).as("a heading left alone at a page's foot").isEqualTo("avoid");

        // and Chromium makes a PDF of it (what "Save as PDF" does), a page or two long
        String pdf = ((PrintsPage) browser).print(new PrintOptions()).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // on screen, in dark mode, the same page keeps its dark colours (the print rules stay in print)
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "screen",
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        @SuppressWarnings("unchecked")
        Map<String, String> screen = (Map<String, String>) browser.executeScript(STYLES);
        assertThat(screen.get("ink")).isNotEqualTo("rgb(0, 0, 0)");
        assertThat(screen.get("linkAfter")).isIn("none", "normal");
    }
}
