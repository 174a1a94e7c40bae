/**
 * Syslog decoding: {@link io.vigil.parse.syslog.SyslogDecoder} (read first) reads RFC 5424 and the RFC 3164
 * forms found in practice into {@code log.syslog.*}, {@code host.name}, {@code process.*}, {@code message}
 * and {@code @timestamp}; {@code LinuxAuth} then adds ECS authentication, session, sudo and account fields
 * from a table of message patterns. Stateless and thread-safe; a malformed line is a {@code Failed} value.
 */
package io.vigil.parse.syslog;
