package io.goodword.client;

import java.time.Instant;

/** A freelancer's client. Has no account: acts through personal token links. */
public record Client(long id, long workspaceId, String name, String email, String company, String phone, String tags,
                     String notes, String language, Instant unsubscribedAt, Instant createdAt, Instant updatedAt) {

    /** "Ada" from "Ada Lovelace", for friendly greetings. */
    public String firstName() {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }
}
