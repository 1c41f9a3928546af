package io.goodword.data;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The explicit rules of erasing one client; anything else is reached by the scrub of the client's own rows in {@link ClientScrub}. */
public interface PrivacyDao {

    @SqlQuery("SELECT photo_file FROM testimonials WHERE workspace_id = :ws AND photo_file IS NOT NULL "
            + "AND (client_id = :id OR (:email IS NOT NULL AND email = :email))")
    List<String> testimonialPhotos(@Bind("ws") long ws, @Bind("id") long clientId, @Bind("email") String email);

    @SqlUpdate("DELETE FROM testimonials WHERE workspace_id = :ws AND (client_id = :id OR (:email IS NOT NULL AND email = :email))")
    int deleteTestimonials(@Bind("ws") long ws, @Bind("id") long clientId, @Bind("email") String email);

    /** Keeps the words and the rating (anonymous figures), drops everything that says who wrote them. */
    @SqlUpdate("""
            UPDATE testimonials SET name = :anonymous, email = NULL, role = '', company = '', website = '',
                   photo_file = NULL, consent_show_photo = FALSE, consent_show_company = FALSE, submitted_ip = NULL,
                   client_id = NULL, source_url = NULL, avatar_url = NULL
            WHERE workspace_id = :ws AND (client_id = :id OR (:email IS NOT NULL AND email = :email))""")
    int anonymizeTestimonials(@Bind("ws") long ws, @Bind("id") long clientId, @Bind("email") String email,
                              @Bind("anonymous") String anonymousName);

    /** The consent ledger keeps what was consented and when; who gave it and from where go. */
    @SqlUpdate("""
            UPDATE testimonial_consents SET given_by = '', ip = NULL
            WHERE workspace_id = :ws AND testimonial_id IN (SELECT id FROM testimonials WHERE workspace_id = :ws
                  AND (client_id = :id OR (:email IS NOT NULL AND email = :email)))""")
    int clearConsentPeople(@Bind("ws") long ws, @Bind("id") long clientId, @Bind("email") String email);

    @SqlUpdate("DELETE FROM testimonial_links WHERE workspace_id = :ws AND client_id = :id")
    int deleteConfirmLinks(@Bind("ws") long ws, @Bind("id") long clientId);

    /** Scores and dates stay (they are the anonymous figures); the client's own words go. */
    @SqlUpdate("UPDATE asks SET comment = NULL, feedback = NULL WHERE workspace_id = :ws AND client_id = :id")
    int clearAskWords(@Bind("ws") long ws, @Bind("id") long clientId);

    @SqlUpdate("DELETE FROM ask_links WHERE workspace_id = :ws AND ask_id IN (SELECT id FROM asks WHERE workspace_id = :ws AND client_id = :id)")
    int deleteAskLinks(@Bind("ws") long ws, @Bind("id") long clientId);

    @SqlUpdate("DELETE FROM client_tasks WHERE workspace_id = :ws AND client_id = :id")
    int deleteTasks(@Bind("ws") long ws, @Bind("id") long clientId);

    @SqlUpdate("DELETE FROM outbox WHERE workspace_id = :ws AND to_address = :email")
    int deleteMails(@Bind("ws") long ws, @Bind("email") String email);

    @SqlUpdate("""
            UPDATE clients SET name = :erasedName, email = NULL, company = '', phone = '', tags = '', notes = NULL,
                   unsubscribed_at = COALESCE(unsubscribed_at, CURRENT_TIMESTAMP(6)), erased_at = CURRENT_TIMESTAMP(6)
            WHERE workspace_id = :ws AND id = :id""")
    int anonymizeClient(@Bind("ws") long ws, @Bind("id") long clientId, @Bind("erasedName") String erasedName);

    @SqlQuery("SELECT erased_at IS NOT NULL FROM clients WHERE workspace_id = :ws AND id = :id")
    java.util.Optional<Boolean> isErased(@Bind("ws") long ws, @Bind("id") long clientId);
}
