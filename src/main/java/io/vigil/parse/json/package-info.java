/**
 * JSON decoding for the parse stage: {@link io.vigil.parse.json.JsonFlattener} streams a document into flat
 * dotted keys (no tree, bounded depth and field count) and {@link io.vigil.parse.json.JsonDecoder} applies
 * {@link io.vigil.parse.json.JsonNormalizer}s such as the Windows one. Read {@code JsonFlattener} first.
 * Every class here is thread-safe; other stages may reuse the flattener.
 */
package io.vigil.parse.json;
