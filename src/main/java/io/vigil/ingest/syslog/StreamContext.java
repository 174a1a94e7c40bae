package io.vigil.ingest.syslog;

/** What every connection of one stream listener (TCP or TLS) shares. */
record StreamContext(SyslogSource transport, SyslogOptions options, DurableSubmitter submitter,
                     SyslogMetrics metrics, CloseDeadline closing) {
}
