package io.goodword.referral;

/** What referrals need to know about a client (read from the clients table, always within a workspace). */
public record ClientRef(long id, String name, String email, String company, String language) {

    public String firstName() {
        String n = name == null ? "" : name.strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }
}
