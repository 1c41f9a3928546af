package io.goodword.casestudy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.util.Map;

/**
 * Structured data for search engines, written inside a {@code <script type="application/ld+json">} block. The
 * JSON comes from Jackson, and every character that could end the block or open markup ({@code < > &}, and the
 * JavaScript line separators) is written as a unicode escape, so user text can never leave the data block.
 */
public final class JsonLd implements Content {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String json;

    private JsonLd(String json) { this.json = json; }

    public static JsonLd of(Map<String, Object> data) {
        try {
            String raw = JSON.writeValueAsString(data);
            return new JsonLd(raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String json() { return json; }

    @Override
    public void writeTo(TemplateOutput output) { output.writeContent(json); }

    @Override
    public String toString() { return json; }
}
