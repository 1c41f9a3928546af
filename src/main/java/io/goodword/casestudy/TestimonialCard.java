package io.goodword.casestudy;

/**
 * An approved testimonial whose author consented to publication, as a case study quotes it. The company is
 * only filled when the author agreed to show it.
 */
public record TestimonialCard(long id, String name, String role, String company, int rating, String text) {

    public String byline() {
        StringBuilder sb = new StringBuilder(name);
        if (role != null && !role.isBlank()) sb.append(", ").append(role);
        if (company != null && !company.isBlank()) sb.append(", ").append(company);
        return sb.toString();
    }

    public String stars() { return "★".repeat(Math.max(0, Math.min(5, rating))) + "☆".repeat(Math.max(0, 5 - Math.max(0, Math.min(5, rating)))); }
}
