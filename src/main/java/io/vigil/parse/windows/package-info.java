/**
 * Windows events in every common shape — evtx_dump JSON, NXLog/OTRF flat JSON, Winlogbeat JSON, Log
 * Analytics rows and raw {@code <Event>} XML — read into one {@link io.vigil.parse.windows.WindowsRecord}
 * and normalized by {@link io.vigil.parse.windows.WindowsNormalizer} into Winlogbeat's {@code winlog.*}
 * fields plus ECS. Read {@code WindowsNormalizer} first, then the per-channel tables
 * ({@code SysmonTable}, {@code SecurityTable}, {@code SystemTable}, {@code PowerShellTable}): adding an
 * event id is one table row. Invariant: for known Windows shapes the event's fields are the normalized form
 * only; the original text stays in {@code StoredEvent.original}. All classes are stateless or immutable and
 * thread-safe; XML is read with DTDs and external entities disabled. Per event, the readers hand their field
 * maps to the record without a copy ({@link io.vigil.event.FrozenFields}) and {@code winlog.event_data.*} names are made once
 * ({@code EventDataNames}); {@code WindowsRecordTest} pins what that hand-over promises.
 */
package io.vigil.parse.windows;
