package io.goodword.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.goodword.casestudy.CaseStudySupport;
import io.goodword.client.ClientDao;
import io.goodword.referral.FraudRules;
import io.goodword.referral.Lead;
import io.goodword.referral.LeadDao;
import io.goodword.referral.Program;
import io.goodword.referral.ProgramDao;
import io.goodword.support.Fixtures;
import io.goodword.support.Http;
import io.goodword.support.TestApp;
import io.goodword.support.TestDb;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * One enum ↔ column convention (issue 12): every status, kind and type is stored as its enum name in lower case.
 * Rows written before V61 (referrals and case studies in upper case) still read, V61 lower-cases them, and after a
 * real flow through the app no enum column of the whole schema holds an upper-case value. Runs on its own embedded
 * server: the shared test database is already migrated past V60.
 */
class LowerCaseStatusIT {
    /** Column names that hold an enum value (or a comma list of them) wherever they appear in the schema. */
    private static final Set<String> ENUM_COLUMNS = Set.of("status", "kind", "source", "reason", "step", "review",
            "beneficiary", "origin", "reward_type", "referrer_reward_type", "friend_reward_type", "reward_trigger",
            "choices", "reward_choices", "fraud_reasons", "completed_steps", "skipped_steps");


    private record Old(Fixtures.Freelancer f, long ada, long lead, long study) {}

    @Test
    void rows_written_upper_case_before_v61_still_read_and_after_v61_and_a_real_flow_no_enum_column_holds_upper_case()
            throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(TestDb.freshHome("lower-case-db"));
        try {
            Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                    .initSql("SET time_zone = '+00:00'").locations("classpath:migrations").target("60").load().migrate();
            Jdbi v60 = Jdbi.create(server.jdbcUrl(), server.user(), server.password()).installPlugin(new SqlObjectPlugin());
            Old old = upperCaseRows(v60);

            // Read through the app's own conventions, the rows still map while they are upper case (a rolling start).
            Lead before = Database.configure(Jdbi.create(server.jdbcUrl(), server.user(), server.password()))
                    .onDemand(LeadDao.class).findById(old.f().workspaceId(), old.lead()).orElseThrow();
            assertThat(before.status()).isEqualTo(Lead.Status.WON);
            assertThat(before.review()).isEqualTo(Lead.Review.HELD);
            assertThat(before.reasons()).containsExactly(FraudRules.Reason.SAME_DOMAIN);

            try (TestApp app = TestApp.start(Map.of("DATABASE_URL", server.jdbcUrl(), "DATABASE_USER", server.user(),
                    "DATABASE_PASSWORD", server.password()))) {
                Jdbi jdbi = app.app().database().jdbi();
                int version = jdbi.withHandle(h -> h.createQuery("SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history")
                        .mapTo(Integer.class).one());
                assertThat(version).isGreaterThanOrEqualTo(61);
                long ws = old.f().workspaceId();
                assertThat(upperCaseValues(jdbi)).as("V61 lower-cased the rows written before it").isEmpty();
                Lead after = jdbi.onDemand(LeadDao.class).findById(ws, old.lead()).orElseThrow();
                assertThat(after.status()).isEqualTo(Lead.Status.WON);
                assertThat(after.reasons()).containsExactly(FraudRules.Reason.SAME_DOMAIN);
                Program program = jdbi.onDemand(ProgramDao.class).list(ws).get(0);
                assertThat(program.status()).isEqualTo(Program.Status.ACTIVE);
                assertThat(program.choices()).containsExactly(Program.RewardType.CASH, Program.RewardType.CREDIT);

                Http admin = Fixtures.signedIn(app, old.f());
                assertThat(admin.get("/admin/referrals?status=WON").html().select("a[href='/admin/referrals/leads/" + old.lead() + "']"))
                        .as("the old won lead is listed under its status").isNotEmpty();
                assertThat(admin.get("/admin/referrals/leads/" + old.lead()).html().select(".fraud-reason").eachAttr("data-reason"))
                        .containsExactly("SAME_DOMAIN");
                assertThat(admin.get("/admin/referrals/rewards?status=PENDING").body()).contains("Ada Old");
                assertThat(app.http().get("/p/" + old.f().slug() + "/case-studies/old-study").status())
                        .as("the case study published before V61 is still public").isEqualTo(200);

                realFlow(app, jdbi, old, admin);
                assertThat(upperCaseValues(jdbi)).as("every enum column after a real flow").isEmpty();
                assertThat(upperCaseDefaults(jdbi)).as("every enum column's default").isEmpty();
            }
        } finally {
            server.stopQuietly();
        }
    }

    /** A workspace with a program, a won lead held by a fraud rule, its events and reward, and a published case study, as V30/V40-era code stored them. */
    private static Old upperCaseRows(Jdbi v60) {
        Fixtures.Freelancer f = Fixtures.freelancer(v60);
        long ws = f.workspaceId();
        long ada = v60.onDemand(ClientDao.class).insert(ws, "Ada Old", "ada@old.example", "Acme GmbH", "", "", null, "en");
        return v60.inTransaction(h -> {
            long program = h.createUpdate("""
                    INSERT INTO referral_programs (workspace_id, name, description, terms, referrer_reward_type,
                        referrer_reward_amount, referrer_reward_currency, friend_reward_type, reward_trigger, status, reward_choices)
                    VALUES (?, 'Old friends', 'Tell a friend', 'Be nice', 'CASH', 50, 'EUR', 'NONE', 'WON', 'ACTIVE', 'CASH,CREDIT')""")
                    .bind(0, ws).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long link = h.createUpdate("INSERT INTO referral_links (workspace_id, program_id, client_id, code) VALUES (?, ?, ?, ?)")
                    .bind(0, ws).bind(1, program).bind(2, ada).bind(3, "OLD" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long lead = h.createUpdate("""
                    INSERT INTO referral_leads (workspace_id, program_id, link_id, referrer_client_id, source, name, email, message,
                        consent, status, deal_value, deal_currency, review, fraud_reasons, qualified_at, won_at)
                    VALUES (?, ?, ?, ?, 'LINK', 'Olga Old', 'olga@old.example', 'Hello', TRUE, 'WON', 1000, 'EUR', 'HELD',
                        'SAME_DOMAIN', NOW(6), NOW(6))""")
                    .bind(0, ws).bind(1, program).bind(2, link).bind(3, ada).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("INSERT INTO referral_lead_events (workspace_id, lead_id, kind, status, body) VALUES (?, ?, 'STATUS', 'WON', '')", ws, lead);
            h.execute("""
                    INSERT INTO referral_rewards (workspace_id, program_id, lead_id, beneficiary, client_id, recipient_name,
                        reward_type, amount, currency, status, held, choices)
                    VALUES (?, ?, ?, 'REFERRER', ?, 'Ada Old', 'CASH', 50, 'EUR', 'PENDING', TRUE, 'CASH,CREDIT')""", ws, program, lead, ada);
            long study = h.createUpdate("INSERT INTO case_studies (workspace_id, slug, title, status) VALUES (?, 'old-study', 'Old study', 'PUBLISHED')")
                    .bind(0, ws).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long version = h.createUpdate("""
                    INSERT INTO case_study_versions (workspace_id, case_study_id, number, content, content_hash)
                    VALUES (?, ?, 1, '{"title":"Old study","slug":"old-study","summary":"From before V61"}', REPEAT('a', 64))""")
                    .bind(0, ws).bind(1, study).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("UPDATE case_studies SET current_version_id = ?, published_version_id = ?, published_at = NOW(6) WHERE id = ?",
                    version, version, study);
            h.execute("""
                    INSERT INTO case_study_approvals (workspace_id, case_study_id, version_id, client_id, sent_to, token_hash, status,
                        requested_at, expires_at, answered_at)
                    VALUES (?, ?, ?, ?, 'ada@old.example', REPEAT('b', 64), 'CHANGES_REQUESTED', NOW(6), NOW(6) + INTERVAL 30 DAY, NOW(6))""",
                    ws, study, version, ada);
            return new Old(f, ada, lead, study);
        });
    }

    /** What a freelancer does in a week: a program with choices, a lead added by hand and won, a named case study approved and published. */
    private static void realFlow(TestApp app, Jdbi jdbi, Old old, Http admin) {
        long ws = old.f().workspaceId();
        Map<String, String> p = new HashMap<>(Map.of("name", "New friends", "description", "Tell a friend", "terms", "One per friend",
                "referrerType", "CASH", "referrerAmount", "100", "referrerCurrency", "eur", "friendType", "GIFT",
                "friendText", "A signed book", "trigger", "WON"));
        String body = p.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                + "&choices=CASH&choices=CREDIT&_csrf=" + admin.csrfToken();
        assertThat(admin.send(java.net.http.HttpRequest.newBuilder(admin.uri("/admin/referrals/programs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))).status()).isEqualTo(303);
        // the old program is paused, so the new one is the current one
        long oldProgram = jdbi.onDemand(ProgramDao.class).list(ws).stream().filter(x -> x.name().equals("Old friends")).findFirst()
                .orElseThrow().id();
        jdbi.onDemand(ProgramDao.class).setStatus(ws, oldProgram, Program.Status.PAUSED);

        Http.Response added = admin.post("/admin/referrals/leads", Map.of("name", "Bob Baker", "email", "bob@bakery.example",
                "phone", "", "message", "Called about a shop", "consent", "yes", "referrer", "Ada Old"));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        String leadPath = added.location();
        assertThat(admin.post(leadPath + "/note", Map.of("body", "Sounds keen")).status()).isEqualTo(303);
        assertThat(admin.post(leadPath + "/status", Map.of("status", "QUALIFIED", "dealValue", "", "lostReason", "", "note", "")).status())
                .isEqualTo(303);
        assertThat(admin.post(leadPath + "/status", Map.of("status", "WON", "dealValue", "900", "lostReason", "", "note", "")).status())
                .isEqualTo(303);
        List<Long> rewards = jdbi.withHandle(h -> h.createQuery("SELECT id FROM referral_rewards WHERE workspace_id = ? AND lead_id <> ? ORDER BY id")
                .bind(0, ws).bind(1, old.lead()).mapTo(Long.class).list());
        assertThat(rewards).as("the won lead earned the referrer's and the friend's rewards").hasSize(2);
        assertThat(admin.post("/admin/referrals/rewards/" + rewards.get(0) + "/approve", Map.of()).status()).isEqualTo(303);
        assertThat(admin.post("/admin/referrals/rewards/" + rewards.get(1) + "/cancel", Map.of("reason", "Not this time")).status())
                .isEqualTo(303);

        Map<String, String> form = CaseStudySupport.form("Acme relaunch", "acme-relaunch");
        form.put("clientId", String.valueOf(old.ada()));
        assertThat(admin.post("/admin/case-studies", form).status()).isEqualTo(303);
        long study = jdbi.withHandle(h -> h.createQuery("SELECT id FROM case_studies WHERE workspace_id = ? AND slug = 'acme-relaunch'")
                .bind(0, ws).mapTo(Long.class).one());
        assertThat(admin.post("/admin/case-studies/" + study + "/approval", Map.of()).status()).isEqualTo(303);
        String mail = jdbi.withHandle(h -> h.createQuery("SELECT text_body FROM outbox WHERE workspace_id = ? AND kind = 'casestudy-approval'")
                .bind(0, ws).mapTo(String.class).one());
        Http client = app.http();
        String link = CaseStudySupport.approvalPathIn(mail);
        client.get(link);
        assertThat(client.post(link, Map.of("decision", "approve", "comment", "Looks great")).status()).isEqualTo(303);
        assertThat(admin.post("/admin/case-studies/" + study + "/publish", Map.of()).status()).isEqualTo(303);
        assertThat(app.http().get("/p/" + old.f().slug() + "/case-studies/acme-relaunch").status()).isEqualTo(200);
        int approvals = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM case_study_approvals WHERE workspace_id = ?")
                .bind(0, ws).mapTo(Integer.class).one());
        assertThat(approvals).isEqualTo(2);
    }

    /** Every enum column of the schema (found by name, not listed by hand) and each upper-case value found in it. */
    private static List<String> upperCaseValues(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<Map<String, Object>> columns = h.createQuery("""
                    SELECT table_name AS t, column_name AS c FROM information_schema.columns
                    WHERE table_schema = DATABASE() AND data_type IN ('varchar', 'char') AND table_name <> 'flyway_schema_history'""")
                    .mapToMap().list();
            Set<String> seen = new TreeSet<>();
            List<String> upper = new ArrayList<>();
            for (Map<String, Object> col : columns) {
                String t = (String) col.get("t");
                String c = (String) col.get("c");
                if (!ENUM_COLUMNS.contains(c.toLowerCase())) continue;
                seen.add(t + "." + c);
                h.createQuery("SELECT DISTINCT `" + c + "` FROM `" + t + "` WHERE BINARY `" + c + "` <> LOWER(`" + c + "`)")
                        .mapTo(String.class).forEach(v -> upper.add(t + "." + c + " = " + v));
            }
            assertThat(seen).as("the scan found the enum columns").contains("referral_leads.status", "referral_rewards.beneficiary",
                    "referral_programs.reward_choices", "case_studies.status", "case_study_approvals.status",
                    "referral_lead_events.kind", "testimonials.source", "asks.step", "outbox.status");
            return upper;
        });
    }

    /** Column defaults spelled in upper case ('NULL' is how MariaDB writes "no default"). */
    private static List<String> upperCaseDefaults(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT CONCAT(table_name, '.', column_name, ' DEFAULT ', column_default) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND column_default IS NOT NULL AND column_default <> 'NULL'
                  AND BINARY column_default <> LOWER(column_default)
                  AND column_name IN (<names>)""").bindList("names", List.copyOf(ENUM_COLUMNS)).mapTo(String.class).list());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
