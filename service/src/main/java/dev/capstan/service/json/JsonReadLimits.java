package dev.capstan.service.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.service.core.RequestLimits;

/**
 * Jackson's own bounds on what a parser reads, applied to the mapper that reads request bodies. Its defaults allow a
 * 20-million-character string, and one such string ran the 128 MB heap out; the bounds here stop a parser as soon as
 * the input passes them, whatever the server in front of it let through.
 *
 * <p>A duplicated key is refused too: Jackson would otherwise hand both values to a record's constructor, fail with a
 * definition error and answer 500. Dropwizard maps the parse errors these raise to 400 (413 for the bounds, by
 * {@code JsonLimitExceptionMapper}), and logs them at DEBUG only.
 */
public final class JsonReadLimits {
    private JsonReadLimits() {
    }

    public static void apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(RequestLimits.MAX_BODY_BYTES)
                .maxStringLength(RequestLimits.MAX_JSON_STRING_CHARS)
                .maxNameLength(RequestLimits.MAX_JSON_STRING_CHARS)
                .maxNestingDepth(RequestLimits.MAX_JSON_NESTING_DEPTH)
                .build());
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
