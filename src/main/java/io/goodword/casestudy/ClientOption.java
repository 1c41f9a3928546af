package io.goodword.casestudy;

/** A client the case study can name (read from the clients table, within the workspace). */
public record ClientOption(long id, String name, String email, String company, String language) {

    /** How the client is named on the public page: the company when there is one, else the person. */
    public String publicLabel() { return company == null || company.isBlank() ? name : company; }

    public boolean hasEmail() { return email != null && !email.isBlank(); }
}
