package io.goodword.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * The only door for JSON that reaches a visitor: the public feed, the exports, and JSON-LD inside a
 * {@code <script type="application/ld+json">} element (next to {@link SafeHtml}, the door for HTML). The characters
 * that matter to HTML ({@code < > & '} and the JavaScript line separators) are written as \\u escapes, so a client's
 * words can never close the script element or be sniffed as markup, whatever they contain. One mapper
 * configuration: java.time as ISO text.
 */
public final class SafeJson {
    private static final ObjectMapper MAPPER = mapper();

    private SafeJson() {}

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        return m;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON-LD for a {@code <script type="application/ld+json">} element. Not HTML: the escaping above guarantees
     * the text contains no {@code <}, so it cannot end the element or start a tag.
     */
    public static Content scriptBody(Object value) {
        String json = write(value);
        return (TemplateOutput out) -> out.writeContent(json);
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] table;

        HtmlSafeEscapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
            table['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() { return table; }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
