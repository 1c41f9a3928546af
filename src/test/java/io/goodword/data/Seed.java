package io.goodword.data;

import io.goodword.ask.AskDao;
import io.goodword.casestudy.CaseStudyDao;
import io.goodword.client.ClientDao;
import io.goodword.client.ProjectDao;
import io.goodword.mail.OutboxDao;
import io.goodword.support.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;

/**
 * A client with something in every corner: project, milestone, answered check-in, follow-up, testimonial (with its
 * consent ledger, a proposal and an author link), email, case study.
 */
final class Seed {
    record Rich(long clientId, String name, String email, String phone, long projectId, long askId, long testimonialId,
                long caseStudyId) {}

    private Seed() {}

    static Rich client(Jdbi jdbi, long ws, String name) {
        String email = Fixtures.unique("person").toLowerCase() + "@example.org";
        String phone = "+49 170 " + (1_000_000 + Math.abs(email.hashCode() % 8_999_999));
        Instant t = Instant.parse("2026-03-02T10:15:30.123456Z");
        return jdbi.inTransaction(h -> {
            ClientDao clients = h.attach(ClientDao.class);
            long c = clients.insert(ws, name, email, "Acme & Söhne", phone, "vip,design", "Met at a conference; " + name + " likes detail", "de");
            ProjectDao projects = h.attach(ProjectDao.class);
            long p = projects.insert(ws, c, "Website for " + name, 480050L, "EUR", LocalDate.of(2026, 1, 5),
                    LocalDate.of(2026, 2, 28), "completed", t);
            projects.insertMilestone(ws, p, "Launch", LocalDate.of(2026, 2, 20));
            AskDao asks = h.attach(AskDao.class);
            long a = asks.insertScheduled(ws, c, p, null, "project", t, t);
            asks.markSent(a, t.plusSeconds(3600), t.plusSeconds(86400 * 30), null);
            asks.markOpened(a, t.plusSeconds(7200));
            asks.answer(a, 9, "Thanks! " + name + " was delighted", "done", t.plusSeconds(7300), t.plusSeconds(7300));
            asks.insertLink(io.goodword.security.Tokens.sha256(Fixtures.unique("link")), ws, a, t);
            asks.upsertTask(ws, c, a, 9, "Call back " + email, t);
            long tm = h.createUpdate("""
                            INSERT INTO testimonials (workspace_id, client_id, status, rating, body, name, role, company, email,
                                                      consent_publish, approved_at)
                            VALUES (:ws, :c, 'approved', 5, :body, :name, 'CEO', 'Acme', :email, TRUE, :t)""")
                    .bind("ws", ws).bind("c", c).bind("body", "Working with them was great. — " + name)
                    .bind("name", name).bind("email", email).bind("t", t)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // its consent on record, words its author proposed, and the author's private link
            io.goodword.testimonial.ConsentDao consents = h.attach(io.goodword.testimonial.ConsentDao.class);
            consents.record(ws, tm, "publish", true, null, "2026-12", "link", name, "10.0.0.9", null, t);
            consents.propose(ws, tm, "author", null, "New words from " + name, t);
            consents.insertLink(io.goodword.security.Tokens.sha256(Fixtures.unique("author")), ws, tm, "author", null, t);
            h.attach(OutboxDao.class).insert(ws, "ask", null, email, null, "How did it go, " + name + "?", "Hi " + name,
                    "<p>Hi " + name + "</p>", null, t);
            CaseStudyDao cs = h.attach(CaseStudyDao.class);
            long study = cs.insert(ws, Fixtures.unique("case").toLowerCase(), "How " + name + " grew", c);
            long v1 = cs.insertVersion(ws, study, "{\"title\":\"How " + name + " grew\"}", "b".repeat(64), "saved");
            cs.updateHead(ws, study, Fixtures.unique("case").toLowerCase(), "How " + name + " grew", c, v1);
            return new Rich(c, name, email, phone, p, a, tm, study);
        });
    }
}
