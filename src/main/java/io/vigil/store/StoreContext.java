package io.vigil.store;

import org.apache.lucene.analysis.Analyzer;

/** What every partition of one store shares: the analyzer for text fields and the writer's RAM buffer. */
record StoreContext(Analyzer analyzer, double ramBufferMb) {
    StoreContext {
        if (!(ramBufferMb >= 1)) throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    }
}
