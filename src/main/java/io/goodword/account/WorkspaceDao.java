package io.goodword.account;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Workspace.class)
public interface WorkspaceDao {
    String COLUMNS = "id, slug, display_name, headline, bio, website, logo_file, brand_color, time_zone, language, created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO workspaces (slug, display_name, bio, language, time_zone)
            VALUES (:slug, :displayName, '', :language, :timeZone)""")
    @GetGeneratedKeys
    long insert(@Bind("slug") String slug, @Bind("displayName") String displayName, @Bind("language") String language,
                @Bind("timeZone") String timeZone);

    default long insert(String slug, String displayName, String language) { return insert(slug, displayName, language, "UTC"); }

    @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE id = :id")
    Optional<Workspace> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM workspaces WHERE slug = :slug")
    Optional<Workspace> findBySlug(@Bind("slug") String slug);

    /** Every workspace, oldest first (the sitemap of an installation that hosts several freelancers). */
    @SqlQuery("SELECT " + COLUMNS + " FROM workspaces ORDER BY id LIMIT :limit")
    java.util.List<Workspace> list(@Bind("limit") int limit);

    /** The current slug of a workspace that used to be called {@code oldSlug}. */
    @SqlQuery("SELECT w.slug FROM workspace_slug_history h JOIN workspaces w ON w.id = h.workspace_id WHERE h.old_slug = :old")
    Optional<String> currentSlugFor(@Bind("old") String oldSlug);

    @SqlQuery("SELECT COUNT(*) FROM workspace_slug_history WHERE old_slug = :slug AND workspace_id <> :workspaceId")
    int slugHeldByOther(@Bind("slug") String slug, @Bind("workspaceId") long workspaceId);

    @SqlUpdate("""
            UPDATE workspaces SET display_name = :displayName, slug = :slug, headline = :headline, bio = :bio,
                   website = :website, brand_color = :brandColor, time_zone = :timeZone, language = :language
            WHERE id = :id""")
    void updateSettings(@Bind("id") long id, @BindMethods WorkspaceSettingsForm form);

    @SqlUpdate("INSERT INTO workspace_slug_history (old_slug, workspace_id) VALUES (:old, :id) ON DUPLICATE KEY UPDATE workspace_id = :id, changed_at = CURRENT_TIMESTAMP(6)")
    void rememberOldSlug(@Bind("old") String oldSlug, @Bind("id") long workspaceId);

    /** A workspace taking back its own earlier slug no longer needs the redirect. */
    @SqlUpdate("DELETE FROM workspace_slug_history WHERE old_slug = :slug AND workspace_id = :id")
    void forgetOldSlug(@Bind("slug") String slug, @Bind("id") long workspaceId);

    /** The first visit of the widget builder, for the dashboard's first-run checklist; later visits change nothing. */
    @SqlUpdate("UPDATE workspaces SET widget_opened_at = CURRENT_TIMESTAMP(6) WHERE id = :id AND widget_opened_at IS NULL")
    void markWidgetOpened(@Bind("id") long workspaceId);

    @SqlUpdate("UPDATE workspaces SET logo_file = :file WHERE id = :id")
    void updateLogo(@Bind("id") long id, @Bind("file") String file);
}
