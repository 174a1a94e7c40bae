/**
 * Syslog inputs: UDP, TCP and TLS listeners that deliver each syslog message, as raw bytes, in
 * {@link io.vigil.event.RawBatch}es (source {@code syslog-udp|syslog-tcp|syslog-tls}, the configured index,
 * the peer's IP as source address) to the {@link io.vigil.ingest.IngestGateway}. Decoding RFC 5424/3164
 * into ECS happens later, in {@code io.vigil.parse}.
 *
 * <p>Read {@link io.vigil.ingest.syslog.SyslogInputs} first (start/close), then
 * {@link io.vigil.ingest.syslog.SyslogFramer} (RFC 6587 octet counting and LF/CRLF/NUL framing, decided per
 * frame), {@link io.vigil.ingest.syslog.StreamConnection} (one virtual thread per TCP/TLS connection) and
 * {@link io.vigil.ingest.syslog.DatagramBatcher} (UDP).
 *
 * <p>Invariants:
 * <ul>
 *   <li>TCP/TLS never drop: a connection submits its batch and waits until it is durable before reading
 *       on; a rejected batch is retried after the gateway's retry-after, so a full journal slows senders
 *       down (their socket writes block). Only close() past its timeout abandons lines, and counts them.</li>
 *   <li>UDP is best effort: a full queue or a rejected batch drops datagrams, and every drop is counted in
 *       {@link io.vigil.ingest.syslog.SyslogMetrics#dropped()}.</li>
 *   <li>No sender makes a listener hold more than {@code max_message_bytes} (plus a small constant) per
 *       connection for a frame in progress; longer messages are cut, counted, and travel in batches whose
 *       source ends in {@code ";truncated"} (see {@link io.vigil.ingest.syslog.SyslogSource}).</li>
 *   <li>Bytes are delivered as received (no charset decoding); only framing (the octet count, the trailing
 *       LF/CRLF/NUL, also when an octet count includes it, as rsyslog templates do) is removed.</li>
 * </ul>
 *
 * <p>Thread-safety: {@link io.vigil.ingest.syslog.SyslogInputs} and {@link io.vigil.ingest.syslog.SyslogMetrics}
 * are thread-safe; a framer belongs to one connection.
 */
package io.vigil.ingest.syslog;
