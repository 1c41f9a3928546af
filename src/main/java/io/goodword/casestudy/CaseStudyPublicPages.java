package io.goodword.casestudy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import gg.jte.Content;
import io.goodword.account.Brand;
import io.goodword.web.Shell;
import io.goodword.web.SocialMeta;
import java.util.List;

/** The page records of the public case-study pages, shown in the freelancer's public site ({@code layout/public}). */
public final class CaseStudyPublicPages {
    private CaseStudyPublicPages() {}

    public record Item(String url, String title, String summary, String client, String coverUrl, KeyResult headline) {}

    public record ListPage(Shell shell, Brand brand, List<Item> items, SocialMeta meta) {}

    /** One case study; {@code draftNotice} is set when the workspace itself looks at an unpublished one. */
    public record ShowPage(Shell shell, Brand brand, CaseStudyView view, SocialMeta meta, Content jsonLd, String listUrl,
                           boolean draftNotice) {}

    /** schema.org Article, for search engines. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Article(@JsonProperty("@context") String context, @JsonProperty("@type") String type, String headline,
                   String description, Author author, String datePublished, String dateModified,
                   String mainEntityOfPage, String url, String image) {}

    record Author(@JsonProperty("@type") String type, String name, String url) {}
}
