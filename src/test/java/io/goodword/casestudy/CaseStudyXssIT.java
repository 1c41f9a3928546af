package io.goodword.casestudy;

import static io.goodword.casestudy.CaseStudySupport.form;
import static io.goodword.casestudy.CaseStudySupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile input in every field of a case study renders harmless wherever the case study is shown. */
class CaseStudyXssIT {
    static final String MD_ATTACK = """
            <script>alert('md')</script>

            <img src=x onerror=alert('img')>

            <iframe src="https://evil.example"></iframe>

            <p style="position:fixed">styled</p>

            [click me](javascript:alert('link')) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

            ![pic](https://example.com/x.png "x\\" onerror=\\"alert('title')") ![svg](data:image/svg+xml,<svg onload=alert(1)>)

            Inline <a href="javascript:alert('raw')">raw link</a> and <b onmouseover="alert(1)">bold</b>
            """;
    static final String TEXT_ATTACK = "\"><script>alert('txt')</script><img src=x onerror=alert(1)>";

    @RegisterExtension
    static final AppExtension app = new AppExtension();

    /** No element or attribute that can run code or restyle the page came from the visitor's input. */
    static void assertHarmless(Document doc, String where) {
        // the one script file of ours (copy buttons) is an external, deferred enhancement; nothing inline runs
        for (Element script : doc.select("script:not([src^=/static/js/copy.])")) {
            assertThat(script.attr("type")).as(where + ": only JSON-LD data blocks").isEqualTo("application/ld+json");
            assertThat(script.data()).as(where).doesNotContain("<");
        }
        assertThat(doc.select("iframe, object, embed, svg, style")).as(where).isEmpty();
        for (Element el : doc.getAllElements()) {
            el.attributes().forEach(a -> {
                assertThat(a.getKey()).as(where + " " + el.tagName()).doesNotStartWith("on").isNotEqualTo("style");
                String v = a.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(v).as(where + " " + el.tagName() + "@" + a.getKey())
                        .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
            });
        }
        assertThat(doc.select("img[src=x]")).as(where).isEmpty();
    }

    private static Map<String, String> hostileForm(String slug) {
        Map<String, String> f = form(TEXT_ATTACK, slug);
        for (String field : new String[] {"challenge", "approach", "results"}) f.put(field, MD_ATTACK);
        for (String field : new String[] {"anonymousClient", "industry", "services", "summary", "keyLabel", "ctaText"}) {
            f.put(field, TEXT_ATTACK.substring(0, Math.min(TEXT_ATTACK.length(), 60)));
        }
        f.put("keyValue", "<b onmouseover=x>1</b>".substring(0, 22));
        return f;
    }

    @Test
    void hostile_markdown_and_text_render_harmless_on_the_preview_admin_public_and_approval_pages() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        String slug = unique("xss");
        Map<String, String> form = hostileForm(slug);

        Http.Response preview = http.post("/admin/case-studies", withAction(form, "preview"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document p = preview.html();
        assertHarmless(p, "preview");
        assertThat(p.select("#preview .cs-prose").text()).contains("click me").contains("raw link");
        assertThat(p.select("#preview h1").text()).isEqualTo(TEXT_ATTACK);

        Http.Response saved = http.post("/admin/case-studies", form);
        assertThat(saved.status()).isEqualTo(303);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), slug);
        CaseStudyContent stored = CaseStudySupport.current(f.workspaceId(), id);
        assertThat(stored.challengeMd()).isEqualTo(MD_ATTACK.strip());
        MarkdownTest.assertHarmless(stored.challengeHtml());
        assertThat(org.jsoup.Jsoup.parseBodyFragment(stored.challengeHtml()).select("a").eachText()).contains("click me");

        Document admin = http.get("/admin/case-studies/" + id).html();
        assertHarmless(admin, "admin");
        assertThat(admin.select("#f-challenge").text()).isEqualTo(MD_ATTACK.strip());
        assertHarmless(http.get("/admin/case-studies").html(), "admin list");
        assertHarmless(http.get("/admin/case-studies/" + id + "/preview").html(), "admin preview page");

        assertThat(http.post("/admin/case-studies/" + id + "/publish", Map.of()).status()).isEqualTo(303);
        Document pub = app.http().get("/p/" + f.slug() + "/case-studies/" + slug).html();
        assertHarmless(pub, "public");
        assertThat(pub.select("article h1").text()).isEqualTo(TEXT_ATTACK);
        assertHarmless(app.http().get("/p/" + f.slug() + "/case-studies").html(), "public list");
    }

    @Test
    void hostile_content_is_harmless_on_the_clients_approval_page_and_in_the_change_list() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        long client = CaseStudySupport.client(f.workspaceId(), "<script>alert('client')</script>", unique("c") + "@example.com");
        String slug = unique("xssa");
        Map<String, String> form = form("Clean first", slug);
        form.put("clientId", String.valueOf(client));
        http.post("/admin/case-studies", form);
        long id = CaseStudySupport.caseStudyId(f.workspaceId(), slug);
        http.post("/admin/case-studies/" + id + "/approval", Map.of());
        app.http().post(CaseStudySupport.approvalPath(f), Map.of("decision", "changes", "comment", TEXT_ATTACK));

        Map<String, String> hostile = hostileForm(slug);
        hostile.put("clientId", String.valueOf(client));
        assertThat(http.post("/admin/case-studies/" + id, hostile).status()).isEqualTo(303);
        Document admin = http.get("/admin/case-studies/" + id).html();
        assertHarmless(admin, "admin with hostile comment");
        assertThat(admin.select("#approvals .cs-comment").text()).isEqualTo(TEXT_ATTACK);
        assertThat(admin.select("#f-clientId option[selected]").text()).contains("<script>alert('client')</script>");

        http.post("/admin/case-studies/" + id + "/approval", Map.of());
        Document approval = app.http().get(CaseStudySupport.approvalPath(f)).html();
        assertHarmless(approval, "approval page");
        assertThat(approval.select("#changes .diff-added").text()).contains("<script>alert('md')</script>");
    }

    private static Map<String, String> withAction(Map<String, String> form, String action) {
        Map<String, String> m = new java.util.HashMap<>(form);
        m.put("action", action);
        return m;
    }
}
