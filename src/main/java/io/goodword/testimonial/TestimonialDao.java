package io.goodword.testimonial;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Testimonials, their tags and edit history. Every statement names the workspace: a foreign id is simply not found.
 * What the public may see is read through {@link PublicTestimonials} alone.
 */
@RegisterConstructorMapper(Testimonial.class)
@RegisterConstructorMapper(TestimonialEdit.class)
@RegisterConstructorMapper(WallState.class)
@RegisterColumnMapper(EnumColumns.Status.class)
@RegisterColumnMapper(EnumColumns.Source.class)
public interface TestimonialDao {
    String COLUMNS = """
            t.id, t.workspace_id, t.client_id, t.status, t.source, t.verified, t.rating, t.body, t.excerpt, t.name, t.role,
            t.company, t.website, t.email, t.photo_file, t.consent_publish, t.consent_show_photo, t.consent_show_company,
            t.featured, t.reply, t.submitted_ip, t.original_body, t.created_at, t.updated_at, t.approved_at, t.name_display,
            t.consent_case_study, t.consent_reference, t.project_id, t.milestone_id,
            (SELECT p.title FROM projects p WHERE p.id = t.project_id AND p.workspace_id = t.workspace_id) AS project_title,
            t.verified_at, t.withdrawn_at, t.origin_platform, t.source_url, t.original_date, t.avatar_url""";
    String TAG_FILTER = " (:tag IS NULL OR EXISTS (SELECT 1 FROM testimonial_tags g WHERE g.testimonial_id = t.id AND g.workspace_id = :ws AND g.tag = :tag)) ";
    String TAGS_FOR = """
            SELECT testimonial_id, tag FROM testimonial_tags
            WHERE workspace_id = :ws AND testimonial_id IN (<ids>) ORDER BY tag""";

    /** A tag and the testimonial carrying it. */
    record TagRow(long testimonialId, String tag) {}

    /** Count per status, for the queue's tabs. */
    record StatusCount(String status, long count) {}

    @SqlUpdate("""
            INSERT INTO testimonials (workspace_id, client_id, status, source, verified, rating, body, original_body, body_hash,
                   name, role, company, website, email, photo_file, consent_publish, consent_show_photo, consent_show_company,
                   submitted_ip, edit_token_hash, approved_at)
            VALUES (:ws, :clientId, :status, :source, :verified, :rating, :body, :body, :bodyHash, :name, :role, :company,
                   :website, :email, :photo, :consentPublish, :consentShowPhoto, :consentShowCompany, :ip, :tokenHash, :approvedAt)""")
    @GetGeneratedKeys
    long insert(@Bind("ws") long workspaceId, @Bind("clientId") Long clientId, @Bind("status") String status,
                @Bind("source") String source, @Bind("verified") boolean verified, @Bind("rating") int rating,
                @Bind("body") String body, @Bind("bodyHash") String bodyHash, @Bind("name") String name,
                @Bind("role") String role, @Bind("company") String company, @Bind("website") String website,
                @Bind("email") String email, @Bind("photo") String photoFile, @Bind("consentPublish") boolean consentPublish,
                @Bind("consentShowPhoto") boolean consentShowPhoto, @Bind("consentShowCompany") boolean consentShowCompany,
                @Bind("ip") String ip, @Bind("tokenHash") String tokenHash, @Bind("approvedAt") Instant approvedAt);

    /** Where an imported review was first published (see V65); null values leave the row's own. */
    @SqlUpdate("""
            UPDATE testimonials SET origin_platform = :platform, source_url = :url, original_date = :date, avatar_url = :avatar
            WHERE id = :id AND workspace_id = :ws""")
    void setProvenance(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("platform") Platform platform,
                       @Bind("url") String sourceUrl, @Bind("date") java.time.LocalDate originalDate,
                       @Bind("avatar") String avatarUrl);

    @SqlQuery("SELECT " + COLUMNS + " FROM testimonials t WHERE t.id = :id AND t.workspace_id = :ws")
    Optional<Testimonial> findById(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM testimonials t WHERE t.edit_token_hash = :hash")
    Optional<Testimonial> findByEditToken(@Bind("hash") String tokenHash);

    @SqlQuery("""
            SELECT COUNT(*) FROM testimonials
            WHERE workspace_id = :ws AND body_hash = :hash AND (submitted_ip = :ip OR (:email IS NOT NULL AND email = :email))""")
    int countDuplicates(@Bind("ws") long workspaceId, @Bind("hash") String bodyHash, @Bind("ip") String ip,
                        @Bind("email") String email);

    @SqlQuery("SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND body_hash = :hash")
    int countSameBody(@Bind("ws") long workspaceId, @Bind("hash") String bodyHash);

    /** The submitter's own changes, allowed only while the testimonial waits for moderation. */
    @SqlUpdate("""
            UPDATE testimonials SET rating = :rating, body = :body, original_body = :body, body_hash = :bodyHash, name = :name,
                   role = :role, company = :company, website = :website, photo_file = :photo, consent_publish = :consentPublish,
                   consent_show_photo = :consentShowPhoto, consent_show_company = :consentShowCompany
            WHERE id = :id AND workspace_id = :ws AND status = 'pending'""")
    int updateBySubmitter(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("rating") int rating,
                          @Bind("body") String body, @Bind("bodyHash") String bodyHash, @Bind("name") String name,
                          @Bind("role") String role, @Bind("company") String company, @Bind("website") String website,
                          @Bind("photo") String photoFile, @Bind("consentPublish") boolean consentPublish,
                          @Bind("consentShowPhoto") boolean consentShowPhoto,
                          @Bind("consentShowCompany") boolean consentShowCompany);

    @SqlUpdate("DELETE FROM testimonials WHERE id = :id AND workspace_id = :ws AND status = 'pending'")
    int deletePending(@Bind("ws") long workspaceId, @Bind("id") long id);

    // ---- moderation ----

    /**
     * The moderation queue's conditions, only those of the filters in use (their values stay bound by name), shared by
     * the page and its count so that the two can never disagree. Written once as "(:x IS NULL OR …)" for every
     * filter, MariaDB chose its plan before folding them away: the count read every row of the workspace and the page
     * sorted all of a tab's rows (0.07 s each at 100,000 testimonials, bench/admin.sh); folded, both read
     * ix_testimonials_moderation (V76).
     */
    static String queueConditions(QueueFilter f) {
        StringBuilder sql = new StringBuilder();
        if (f.status() != null) sql.append(" AND t.status = :status");
        if (f.rating() != null) sql.append(" AND t.rating = :rating");
        if (f.source() != null) sql.append(" AND t.source = :source");
        if (f.verified() != null) sql.append(" AND t.verified = :verified");
        if (f.withdrawn()) sql.append(" AND t.withdrawn_at IS NOT NULL");
        if (f.q() != null) sql.append(" AND (t.body LIKE :q OR t.name LIKE :q OR t.company LIKE :q OR t.role LIKE :q OR t.excerpt LIKE :q)");
        if (f.tag() != null) sql.append(" AND EXISTS (SELECT 1 FROM testimonial_tags g WHERE g.testimonial_id = t.id AND g.workspace_id = :ws AND g.tag = :tag)");
        return sql.toString();
    }

    /** {@code conditions}: {@link #queueConditions}, never request text. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM testimonials t WHERE t.workspace_id = :ws <conditions>
            ORDER BY t.featured DESC, t.created_at DESC, t.id DESC
            LIMIT :limit OFFSET :offset""")
    @AllowUnusedBindings
    List<Testimonial> queue(@Bind("ws") long workspaceId, @Define("conditions") String conditions, @Bind("status") String status,
                            @Bind("rating") Integer rating, @Bind("source") String source, @Bind("verified") Boolean verified,
                            @Bind("q") String likePattern, @Bind("tag") String tag, @Bind("limit") int limit,
                            @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM testimonials t WHERE t.workspace_id = :ws <conditions>")
    @AllowUnusedBindings
    long queueCount(@Bind("ws") long workspaceId, @Define("conditions") String conditions, @Bind("status") String status,
                    @Bind("rating") Integer rating, @Bind("source") String source, @Bind("verified") Boolean verified,
                    @Bind("q") String likePattern, @Bind("tag") String tag);

    default List<Testimonial> queue(long workspaceId, QueueFilter f) {
        return queue(workspaceId, queueConditions(f), f.status() == null ? null : f.status().db(), f.rating(),
                f.source() == null ? null : f.source().db(), f.verified(), f.likePattern(), f.tag(),
                QueueFilter.PAGE_SIZE, f.offset());
    }

    default long queueCount(long workspaceId, QueueFilter f) {
        return queueCount(workspaceId, queueConditions(f), f.status() == null ? null : f.status().db(), f.rating(),
                f.source() == null ? null : f.source().db(), f.verified(), f.likePattern(), f.tag());
    }

    @SqlQuery("SELECT status, COUNT(*) AS count FROM testimonials WHERE workspace_id = :ws GROUP BY status")
    @RegisterConstructorMapper(StatusCount.class)
    List<StatusCount> countsByStatus(@Bind("ws") long workspaceId);

    /** For the queue's "withdrawn" tab: taken back by their authors, whatever their status. */
    @SqlQuery("SELECT COUNT(*) FROM testimonials WHERE workspace_id = :ws AND withdrawn_at IS NOT NULL")
    long countWithdrawn(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT " + COLUMNS + " FROM testimonials t WHERE t.workspace_id = :ws ORDER BY t.created_at, t.id")
    List<Testimonial> all(@Bind("ws") long workspaceId);

    @SqlUpdate("""
            UPDATE testimonials SET status = :status,
                   approved_at = CASE WHEN :status = 'approved' THEN COALESCE(approved_at, :now) ELSE approved_at END
            WHERE id = :id AND workspace_id = :ws""")
    int setStatus(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    @SqlUpdate("UPDATE testimonials SET featured = :featured WHERE id = :id AND workspace_id = :ws")
    int setFeatured(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("featured") boolean featured);

    @SqlUpdate("""
            UPDATE testimonials SET body = :body, excerpt = :excerpt, name = :name, role = :role, company = :company,
                   website = :website
            WHERE id = :id AND workspace_id = :ws""")
    int updateContent(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("body") String body,
                      @Bind("excerpt") String excerpt, @Bind("name") String name, @Bind("role") String role,
                      @Bind("company") String company, @Bind("website") String website);

    @SqlUpdate("UPDATE testimonials SET reply = :reply WHERE id = :id AND workspace_id = :ws")
    int setReply(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("reply") String reply);

    // ---- tags ----

    @SqlUpdate("DELETE FROM testimonial_tags WHERE testimonial_id = :id AND workspace_id = :ws")
    void clearTags(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlBatch("INSERT IGNORE INTO testimonial_tags (testimonial_id, workspace_id, tag) VALUES (:id, :ws, :tag)")
    void addTags(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("tag") List<String> tags);

    @SqlQuery("SELECT tag FROM testimonial_tags WHERE testimonial_id = :id AND workspace_id = :ws ORDER BY tag")
    List<String> tagsOf(@Bind("ws") long workspaceId, @Bind("id") long id);

    @SqlQuery(TAGS_FOR)
    @RegisterConstructorMapper(TagRow.class)
    List<TagRow> tagsFor(@Bind("ws") long workspaceId, @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Long> ids);

    /** The tags of each of these testimonials, in one statement. */
    default Map<Long, List<String>> tagsById(long workspaceId, List<Testimonial> items) {
        if (items.isEmpty()) return Map.of();
        return tagsFor(workspaceId, items.stream().map(Testimonial::id).toList()).stream()
                .collect(Collectors.groupingBy(TagRow::testimonialId, Collectors.mapping(TagRow::tag, Collectors.toList())));
    }

    @SqlQuery("SELECT DISTINCT tag FROM testimonial_tags WHERE workspace_id = :ws ORDER BY tag")
    List<String> allTags(@Bind("ws") long workspaceId);

    // ---- edit history ----

    @SqlUpdate("""
            INSERT INTO testimonial_edits (workspace_id, testimonial_id, account_id, editor, field, before_text, after_text)
            VALUES (:ws, :id, :accountId, :editor, :field, :before, :after)""")
    void recordEdit(@Bind("ws") long workspaceId, @Bind("id") long id, @Bind("accountId") Long accountId,
                    @Bind("editor") String editor, @Bind("field") String field, @Bind("before") String before,
                    @Bind("after") String after);

    @SqlQuery("""
            SELECT id, editor, field, before_text, after_text, created_at FROM testimonial_edits
            WHERE workspace_id = :ws AND testimonial_id = :id ORDER BY created_at DESC, id DESC""")
    List<TestimonialEdit> editsOf(@Bind("ws") long workspaceId, @Bind("id") long id);

    // ---- workspace-level data this feature owns ----

    @SqlQuery("SELECT id, slug, wall_version, updated_at FROM workspaces WHERE slug = :slug")
    Optional<WallState> wallState(@Bind("slug") String slug);

    /** Public pages of this workspace must be rendered afresh (see PublicCache). */
    @SqlUpdate("UPDATE workspaces SET wall_version = wall_version + 1 WHERE id = :ws")
    void bumpWallVersion(@Bind("ws") long workspaceId);

    @SqlQuery("SELECT COALESCE(testimonial_prompt, '') FROM workspaces WHERE id = :ws")
    String prompt(@Bind("ws") long workspaceId);

    @SqlUpdate("UPDATE workspaces SET testimonial_prompt = :prompt WHERE id = :ws")
    void setPrompt(@Bind("ws") long workspaceId, @Bind("prompt") String prompt);

    @SqlQuery("SELECT email FROM accounts WHERE workspace_id = :ws ORDER BY id")
    List<String> freelancerEmails(@Bind("ws") long workspaceId);
}
