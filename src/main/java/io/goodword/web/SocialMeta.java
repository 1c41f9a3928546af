package io.goodword.web;

/**
 * What a public page tells search engines and link previews (description, canonical URL, OpenGraph, Twitter card),
 * rendered by {@code tag/socialMeta.jte}. Null description, image or site name: the tag is left out.
 */
public record SocialMeta(String type, String title, String description, String url, String imageUrl, String siteName,
                         boolean largeImage, ImageFacts imageFacts) {

    /**
     * What a preview service may know of the image before fetching it: its size (Facebook draws the first share of a
     * link only when it is given) and a text for those who cannot see it.
     */
    public record ImageFacts(int width, int height, String alt) {}

    public static SocialMeta website(String title, String description, String url, String imageUrl) {
        return new SocialMeta("website", title, blankToNull(description), url, imageUrl, null, false, null);
    }

    public static SocialMeta article(String title, String description, String url, String imageUrl) {
        return new SocialMeta("article", title, blankToNull(description), url, imageUrl, null, false, null);
    }

    public SocialMeta withSiteName(String name) {
        return new SocialMeta(type, title, description, url, imageUrl, name, largeImage, imageFacts);
    }

    public SocialMeta withLargeImage() { return new SocialMeta(type, title, description, url, imageUrl, siteName, true, imageFacts); }

    public SocialMeta withImageFacts(int width, int height, String alt) {
        return new SocialMeta(type, title, description, url, imageUrl, siteName, largeImage, new ImageFacts(width, height, alt));
    }

    public String twitterCard() { return largeImage && imageUrl != null ? "summary_large_image" : "summary"; }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
