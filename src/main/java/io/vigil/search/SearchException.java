package io.vigil.search;

/** A request the search API cannot run, with the position (0-based character offset) of the problem in the query, or -1. */
public final class SearchException extends Exception {
    private final int position;

    public SearchException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
