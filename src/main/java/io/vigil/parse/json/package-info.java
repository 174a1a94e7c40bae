/**
 * JSON decoding for the parse stage: {@link io.vigil.parse.json.JsonFlattener} streams a document into flat
 * dotted keys (no tree, bounded depth and field count) and {@link io.vigil.parse.json.JsonDecoder} applies
 * {@link io.vigil.parse.json.JsonNormalizer}s such as the Windows one. Read {@code JsonFlattener} first.
 * Byte input is read by {@code FastFlattener} over {@code JsonByteLexer} (strict JSON, strings scanned eight bytes at a time, field names
 * shared through {@code FieldNames}); whatever it does not settle is read by Jackson, so results and error
 * messages are exactly the Jackson-based ones ({@code FastFlattenerPropertiesTest} holds them to the old code).
 * Every class here is thread-safe; other stages may reuse the flattener.
 */
package io.vigil.parse.json;
