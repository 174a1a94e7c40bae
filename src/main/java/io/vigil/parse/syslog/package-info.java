/**
 * Syslog decoding: {@link io.vigil.parse.syslog.SyslogDecoder} (read first) reads RFC 5424 and the RFC 3164
 * forms found in practice into {@code log.syslog.*}, {@code host.name}, {@code process.*}, {@code message}
 * and {@code @timestamp}; then the writing program's enricher adds ECS fields: {@code LinuxAuth}
 * (authentication, session, sudo and account lines from a table of message patterns), {@code Postfix}
 * ({@code email.*}, {@code postfix.*}) or {@code Netfilter} (iptables/UFW kernel lines). Stateless and
 * thread-safe; a malformed line is a {@code Failed} value.
 */
package io.vigil.parse.syslog;
