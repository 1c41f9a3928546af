package io.goodword.growth;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.client.ClientDao;
import io.goodword.referral.ReferralData;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, a guided first run: the dashboard's checklist (branding, first client, review link shared, widget, referral
 * program) counts what the data shows, links each step, stays until all five are done; an empty workspace sees what
 * to do next instead of charts of zeros.
 */
class FirstRunIT {
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    private static String step(Document d, String id) { return d.select("#first-run li[data-step=" + id + "]").attr("class"); }

    @Test
    void the_checklist_counts_real_steps_links_each_and_goes_once_all_five_are_done() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);

        Document fresh = http.get("/admin").html();
        assertThat(fresh.select("#first-run-progress").text()).isEqualTo("0 of 5 done");
        assertThat(fresh.select("#first-run li a").eachAttr("href")).containsExactly("/admin/settings#logo", "/admin/clients/new",
                "/admin/testimonials/collect", "/admin/testimonials/embed", "/admin/referrals/programs/new");
        assertThat(fresh.select("#empty-dashboard a").eachAttr("href")).contains("/admin/clients/new");
        assertThat(fresh.select("main svg, main .cards, #nps-trend, #period-text")).isEmpty(); // no charts of zeros
        assertThat(http.get("/admin?lang=de").html().select("#first-run-progress").text()).isEqualTo("0 von 5 erledigt");
        http.get("/admin?lang=en");

        TestDb.jdbi().useHandle(h -> h.execute("UPDATE workspaces SET brand_color = '#0f766e' WHERE id = ?", f.workspaceId()));
        TestDb.jdbi().onDemand(ClientDao.class).insert(f.workspaceId(), "Jonas Berg", Fixtures.unique("j") + "@example.com",
                "", "", "", "", "en");
        Document two = http.get("/admin").html();
        assertThat(two.select("#first-run-progress").text()).isEqualTo("2 of 5 done");
        assertThat(step(two, "branding")).isEqualTo("done");
        assertThat(step(two, "client")).isEqualTo("done");
        assertThat(step(two, "widget")).isEmpty();
        assertThat(two.select("#empty-dashboard")).hasSize(1); // a client alone is nothing to chart yet

        Fixtures.testimonial(f.workspaceId(), TestimonialStatus.PENDING, "Jonas Berg", "Founder", "Great work together", "",
                "jonas@example.com", true, false);
        assertThat(http.get("/admin/testimonials/embed").status()).isEqualTo(200);
        Document four = http.get("/admin").html();
        assertThat(four.select("#first-run-progress").text()).isEqualTo("4 of 5 done");
        assertThat(step(four, "share")).isEqualTo("done");
        assertThat(step(four, "widget")).isEqualTo("done");
        assertThat(four.select("#empty-dashboard")).isEmpty();
        assertThat(four.select("#nps-trend")).isNotEmpty();

        ReferralData.program(f.workspaceId(), "WON", "");
        assertThat(http.get("/admin").html().select("#first-run")).isEmpty();
    }

    @Test
    void another_workspaces_data_never_ticks_a_step() {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Fixtures.Freelancer other = Fixtures.freelancer();
        TestDb.jdbi().onDemand(ClientDao.class).insert(other.workspaceId(), "Not Mine", Fixtures.unique("n") + "@example.com",
                "", "", "", "", "en");
        ReferralData.program(other.workspaceId(), "WON", "");
        assertThat(Fixtures.signedIn(app, other).get("/admin/testimonials/embed").status()).isEqualTo(200);
        assertThat(Fixtures.signedIn(app, f).get("/admin").html().select("#first-run-progress").text()).isEqualTo("0 of 5 done");
    }
}
