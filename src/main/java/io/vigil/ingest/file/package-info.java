/**
 * Reading events from files (for {@code vigil ingest} and offline hunts): NDJSON, JSON arrays, streams of
 * concatenated and possibly pretty-printed JSON objects (as evtx_dump writes), or plain text, one event per
 * line. Read {@link io.vigil.ingest.file.EventFileReader} first. Not thread-safe.
 */
package io.vigil.ingest.file;
