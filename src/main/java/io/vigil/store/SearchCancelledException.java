package io.vigil.store;

/** A search stopped early because its {@link SearchCancellation} said so; there is no partial result. */
public final class SearchCancelledException extends RuntimeException {
    public SearchCancelledException() {
        super("search cancelled", null, false, false); // control flow: no stack trace to fill
    }
}
