package io.goodword.web;

/**
 * What a public page tells search engines and link previews (description, canonical URL, OpenGraph, Twitter card),
 * rendered by {@code tag/socialMeta.jte}. Null description, image or site name: the tag is left out.
 */
public record SocialMeta(String type, String title, String description, String url, String imageUrl, String siteName,
                         boolean largeImage) {

    public static SocialMeta website(String title, String description, String url, String imageUrl) {
        return new SocialMeta("website", title, blankToNull(description), url, imageUrl, null, false);
    }

    public static SocialMeta article(String title, String description, String url, String imageUrl) {
        return new SocialMeta("article", title, blankToNull(description), url, imageUrl, null, false);
    }

    public SocialMeta withSiteName(String name) { return new SocialMeta(type, title, description, url, imageUrl, name, largeImage); }

    public SocialMeta withLargeImage() { return new SocialMeta(type, title, description, url, imageUrl, siteName, true); }

    public String twitterCard() { return largeImage && imageUrl != null ? "summary_large_image" : "summary"; }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
