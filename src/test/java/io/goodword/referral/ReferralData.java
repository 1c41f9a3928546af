package io.goodword.referral;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.goodword.client.ClientDao;
import io.goodword.mail.Outbox;
import io.goodword.security.FormGuard;
import io.goodword.security.Secrets;
import io.goodword.security.Throttle;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.Stamps;
import io.goodword.support.TestDb;
import io.goodword.testimonial.TestimonialStatus;
import io.goodword.web.I18n;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Test data for referrals, built through the DAOs and the service (names are unique: tests share one database). */
public final class ReferralData {
    private ReferralData() {}

    public static Jdbi jdbi() { return TestDb.jdbi(); }

    static AttributionCookie cookies() { return new AttributionCookie(new Secrets(jdbi()), Clock.systemUTC()); }

    /** A service over the test database, as App wires it (its emails wait in the outbox for a worker). */
    public static Referrals service(String baseUrl) {
        return Referrals.wire(jdbi(), new Outbox(TemplateEngine.createPrecompiled(ContentType.Html), Clock.systemUTC(), true),
                I18n.load(), new Throttle(jdbi(), Clock.systemUTC()), cookies(), Clock.systemUTC(), baseUrl);
    }

    public static long client(long ws, String name, String email) {
        return jdbi().onDemand(ClientDao.class).insert(ws, name, email, "", "", "", null, "en");
    }

    public static long client(long ws) {
        String u = Fixtures.unique("ada");
        return client(ws, "Ada " + u, u + "@client.example");
    }

    /** A program: referrer gets a EUR credit, friend a 10% discount, earned when the deal is won. */
    static ProgramForm program(String name, String trigger, String cap, String minDeal) {
        return new ProgramForm(name, "Tell a friend", "Terms " + name, "CREDIT", "50", "EUR", "", "PERCENT", "10", "",
                "", trigger, minDeal, cap, "", "");
    }

    public static long program(long ws, String trigger, String cap) {
        return jdbi().onDemand(ProgramDao.class).insert(ws, program(Fixtures.unique("Prog"), trigger, cap, ""));
    }

    public static void testimonial(long ws, String body, String name, String status, boolean consent, String company, boolean showCompany) {
        Fixtures.testimonial(ws, TestimonialStatus.parse(status), name, "", body, company, "secret-author@example.com",
                consent, showCompany);
    }

    /** A friend's form as a person fills it: a stamp from ten seconds ago, consent given. */
    public static Map<String, String> friend(String name, String email) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("email", email);
        m.put("phone", "+49 30 1234567");
        m.put("message", "We need a new website");
        m.put("consent", "yes");
        m.put(FormGuard.HONEYPOT, "");
        m.put(FormGuard.STAMP, Stamps.shownEarlier(FormGuard.Form.REFERRAL));
        return m;
    }

    static FriendForm friendForm(String name, String email) {
        return new FriendForm(name, email, "", "Help with our shop", true, Stamps.shownEarlier(FormGuard.Form.REFERRAL));
    }

    static Http.Response moveTo(Http admin, long leadId, String status, String deal) {
        return admin.post("/admin/referrals/leads/" + leadId + "/status",
                Map.of("status", status, "dealValue", deal, "lostReason", status.equals("LOST") ? "Too expensive" : "", "note", ""));
    }

    public static long lastLeadId(long ws) {
        return jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM referral_leads WHERE workspace_id = :ws")
                .bind("ws", ws).mapTo(Long.class).one());
    }

    public static Lead lead(long ws, long id) { return jdbi().onDemand(LeadDao.class).findById(ws, id).orElseThrow(); }

    static java.util.List<Reward> rewards(long ws, long leadId) { return jdbi().onDemand(RewardDao.class).forLead(ws, leadId); }
}
