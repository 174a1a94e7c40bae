package io.vigil.detect.compile;

/** How an event names its fields, which decides where a Sigma field name is looked up. */
public enum Dialect {
    /** Winlogbeat shape: {@code winlog.event_data.<Name>} plus {@code winlog.*} system fields. */
    WINDOWS,
    /** Windows Security 4688/4657 read by Sysmon-style rules: a few fields renamed (pySigma windows-audit). */
    WINDOWS_SECURITY_AUDIT,
    /** Everything else: the raw name first, then ECS equivalents. */
    OTHER
}
