package io.goodword.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The one Jackson configuration for data kept or exchanged as JSON (case-study versions, exports, imports, privacy
 * requests, scrubbing). Readers and writers are immutable and thread-safe, so sharing them is safe; a feature asks
 * for the variant it needs instead of building and configuring a mapper of its own. JSON written into a page goes
 * through {@link SafeJson} instead: that door adds the escapes a {@code <script>} element needs.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads trees and records; a property this version does not know is ignored (an older or newer writer). */
    public static final ObjectReader READ = MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Compact, for values stored in a column. */
    public static final ObjectWriter WRITE = MAPPER.writer();
    /** Indented, for files a person may open (exports, privacy requests); never closes the stream it writes to. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {}
}
