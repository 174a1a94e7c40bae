/**
 * Stage 3: decoders that turn raw lines into ECS events. Bad input is a value (an event tagged {@code _parse_failure}), never an exception. Read {@link io.vigil.parse.EventParser} first.
 */
package io.vigil.parse;
