package io.goodword.media;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Every place a stored upload's file name is kept, installation-wide (a file is shared by nobody, but a forged row
 * may point at another tenant's file, so the count is never scoped to one workspace). A feature that adds a column
 * holding an upload name adds it here; {@code MediaReferencesIT} fails when a {@code *_file} column is missing.
 */
public interface MediaDao {
    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM workspaces WHERE logo_file = :name)
                 + (SELECT COUNT(*) FROM testimonials WHERE photo_file = :name)
                 + (SELECT COUNT(*) FROM case_study_versions WHERE content LIKE CONCAT('%', :name, '%'))""")
    long references(@Bind("name") String name);

    /** Every referenced name, for the orphan sweep (case-study versions keep theirs inside JSON: see the caller). */
    @SqlQuery("""
            SELECT logo_file FROM workspaces WHERE logo_file IS NOT NULL
            UNION SELECT photo_file FROM testimonials WHERE photo_file IS NOT NULL""")
    List<String> columnReferences();

    @SqlQuery("SELECT content FROM case_study_versions WHERE content LIKE '%.png%'")
    List<String> contentWithUploads();
}
