package io.vigil.parse.json;

import java.util.Map;

/**
 * Recognises one family of JSON documents (e.g. Windows events) in their flattened form and rewrites them
 * into the normalized field set. Implementations are thread-safe and never throw on bad data.
 */
public interface JsonNormalizer {
    /**
     * @param flat the flattened document, which the normalizer may read but must not keep
     * @return the normalized fields, or null when the document is not of this family
     */
    Map<String, Object> normalize(Map<String, Object> flat);
}
