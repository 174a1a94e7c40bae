package io.vigil.event;

/** How a field is indexed; ECS's own field types, reduced to the ones the store distinguishes. */
public enum EcsType {
    /** Exact value, case-sensitive; aggregatable. The type of every field ECS does not know. */
    KEYWORD,
    /** Analyzed full text (tokenized, lower-cased). */
    TEXT,
    LONG,
    DOUBLE,
    /** Epoch milliseconds; accepts ISO-8601 text. */
    DATE,
    /** IPv4 or IPv6 address; supports CIDR and range queries. */
    IP,
    BOOLEAN
}
