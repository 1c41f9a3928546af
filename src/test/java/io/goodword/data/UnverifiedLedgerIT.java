package io.goodword.data;

import static io.goodword.support.Archives.unzip;
import static io.goodword.support.Archives.upload;
import static io.goodword.support.Archives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goodword.support.AppExtension;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestDb;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consent history brought in by a workspace archive whose signature does not verify (unsigned, foreign, changed) is
 * marked unverified, shown so on the testimonial's page, never makes the testimonial verified, and keeps its mark
 * through a later signed export; this installation's own unchanged archive keeps its history as proven.
 */
class UnverifiedLedgerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    private static final AppExtension app = new AppExtension();

    private static List<String> provenance(long ws) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT provenance FROM testimonial_consents WHERE workspace_id = :ws")
                .bind("ws", ws).mapTo(String.class).list());
    }

    private static boolean anyVerified(long ws) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND verified")
                .bind("ws", ws).mapTo(Integer.class).one()) > 0;
    }

    private static long testimonial(long ws) {
        return TestDb.jdbi().withHandle(h -> h.createQuery("SELECT id FROM testimonials WHERE workspace_id = :ws")
                .bind("ws", ws).mapTo(Long.class).one());
    }

    /** Imports the archive into a fresh workspace; returns it, after checking what the import page said of its trust. */
    private static Fixtures.Freelancer importedInto(byte[] zip, boolean signed) {
        Fixtures.Freelancer f = Fixtures.freelancer();
        Http http = Fixtures.signedIn(app, f);
        Http.Response r = upload(http, zip);
        assertThat(r.status()).isEqualTo(303);
        String said = http.get(r.location()).html().select("p.flash").text();
        assertThat(said).startsWith("The export was imported.");
        if (signed) assertThat(said).doesNotContain("signature");
        else assertThat(said).contains("does not carry this installation's signature").contains("marked as unverified");
        return f;
    }

    @Test
    void an_unsigned_or_foreign_archives_consent_history_is_marked_unverified_shown_so_and_never_makes_it_verified()
            throws Exception {
        Fixtures.Freelancer a = Fixtures.freelancer();
        Seed.client(TestDb.jdbi(), a.workspaceId(), "Lena Ledger-" + Fixtures.unique("n")); // a ledger row by personal link
        TestDb.jdbi().useHandle(h -> h.execute("UPDATE testimonials SET verified = 1, verified_at = NOW(6) WHERE workspace_id = ?",
                a.workspaceId()));
        byte[] signed = Downloads.post(Fixtures.signedIn(app, a), "/admin/settings/export").body();

        // this installation's own archive, unchanged: the history stays proven, the badge stays
        Fixtures.Freelancer same = importedInto(signed, true);
        assertThat(provenance(same.workspaceId())).isNotEmpty().containsOnly("here");
        assertThat(anyVerified(same.workspaceId())).isTrue();
        Document proven = Fixtures.signedIn(app, same).get("/admin/testimonials/" + testimonial(same.workspaceId())).html();
        assertThat(proven.select("#consent-ledger tr.consent-unverified")).isEmpty();
        assertThat(proven.select("#consent-unverified")).isEmpty();

        // the same archive unsigned, claiming its rows were recorded here: marked, shown, not verified
        Map<String, byte[]> files = unzip(signed);
        files.remove("signature.json");
        List<Map<String, Object>> ledger = JSON.readValue(files.get("tables/testimonial_consents.json"), new TypeReference<>() {});
        assertThat(ledger).isNotEmpty().allMatch(r -> "here".equals(r.get("provenance")) && "link".equals(r.get("channel")));
        files.put("tables/testimonial_consents.json", JSON.writeValueAsBytes(ledger));
        Fixtures.Freelancer b = importedInto(zip(files), false);
        assertThat(provenance(b.workspaceId())).isNotEmpty().containsOnly("unverified");
        assertThat(anyVerified(b.workspaceId())).as("an unproven history never makes it verified").isFalse();
        Http adminB = Fixtures.signedIn(app, b);
        Document page = adminB.get("/admin/testimonials/" + testimonial(b.workspaceId())).html();
        assertThat(page.select("#consent-ledger tr.consent-unverified")).hasSize(ledger.size());
        assertThat(page.select("#consent-ledger tr.consent-unverified td").text()).contains("Personal link").contains("Unverified");
        assertThat(page.select("#consent-unverified").text()).contains("without this installation's signature");
        assertThat(page.select("#verified-badge")).isEmpty();
        assertThat(adminB.get("/admin/testimonials/" + testimonial(b.workspaceId()) + "?lang=de").html()
                .select("#consent-ledger tr.consent-unverified td").text()).contains("Nicht belegt");
        assertThat(app.http().get("/p/" + b.slug()).body()).doesNotContain("Verified client");

        // exported again from B, now signed by this installation: the mark travels, it cannot be washed off
        byte[] rewrapped = Downloads.post(adminB, "/admin/settings/export").body();
        assertThat(unzip(rewrapped)).containsKey("signature.json");
        Fixtures.Freelancer c = importedInto(rewrapped, true);
        assertThat(provenance(c.workspaceId())).isNotEmpty().containsOnly("unverified");
        assertThat(anyVerified(c.workspaceId())).isFalse();
    }
}
