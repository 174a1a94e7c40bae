package io.vigil.journal;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link JournalStats}. Thread-safe. */
final class JournalCounters {
    final LongAdder recordsAppended = new LongAdder();
    final LongAdder bytesAppended = new LongAdder();
    final LongAdder fsyncs = new LongAdder();
    final LongAdder rejectedFull = new LongAdder();
    final LongAdder failedAppends = new LongAdder();
    final LongAdder damagedRecordsSkipped = new LongAdder();

    JournalStats snapshot() {
        return new JournalStats(recordsAppended.sum(), bytesAppended.sum(), fsyncs.sum(), rejectedFull.sum(),
                failedAppends.sum(), damagedRecordsSkipped.sum());
    }
}
