package io.vigil.search;

import io.vigil.store.SearchCancellation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The searches running now, so that they can be cancelled ({@code DELETE /api/search/{id}}) and listed
 * ({@code GET /api/search/running}, admins only). A search id is chosen by the client (the console sends a
 * random one in {@code X-Vigil-Search-Id}) or made up here; ids are scoped per user, so one user can neither
 * cancel another's search nor learn that an id is in use, and only an admin reaches every user's searches.
 *
 * <p>Thread-safe: searches start and end on request threads while other requests cancel them.
 */
public final class RunningSearches {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<Key, Ticket> running = new ConcurrentHashMap<>();
    private final Clock clock;

    public RunningSearches(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Key(String user, String id) {}

    /** One running search; it is its own cancellation. {@link #close()} when the search ends, however it ends. */
    public final class Ticket implements SearchCancellation, AutoCloseable {
        private final Key key;
        private final String query;
        private final Instant started;
        private final long startNanos = System.nanoTime();
        private volatile boolean cancelled;

        private Ticket(Key key, String query, Instant started) {
            this.key = key;
            this.query = query;
            this.started = started;
        }

        public String id() {
            return key.id();
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void close() {
            running.remove(key, this);
        }

        private Snapshot snapshot() {
            return new Snapshot(key.id(), key.user(), query, started, (System.nanoTime() - startNanos) / 1_000_000, cancelled);
        }
    }

    /** What an admin sees of a running search. */
    public record Snapshot(String id, String user, String query, Instant started, long elapsedMillis, boolean cancelled) {}

    /**
     * Registers a search of {@code user}.
     *
     * @param requestedId the client's id, or null to make one up
     * @throws SearchException if the id is malformed or this user already runs a search with it
     */
    public Ticket start(String user, String requestedId, String query) throws SearchException {
        String id = requestedId == null || requestedId.isEmpty() ? newId() : requestedId;
        if (!ID.matcher(id).matches()) {
            throw new SearchException("search id must be 1 to 64 letters, digits, '-' or '_'", -1);
        }
        Key key = new Key(user, id);
        Ticket ticket = new Ticket(key, query, clock.instant());
        if (running.putIfAbsent(key, ticket) != null) {
            throw new SearchException("you already run a search with id " + id + "; give each search its own id", -1);
        }
        return ticket;
    }

    /**
     * Cancels the search {@code id} of {@code caller}, or, for an admin, of any user.
     *
     * @return false when no such search runs (or it belongs to someone else and the caller is no admin)
     */
    public boolean cancel(String id, String caller, boolean admin) {
        boolean found = false;
        Ticket own = running.get(new Key(caller, id));
        if (own != null) {
            own.cancelled = true;
            found = true;
        }
        if (admin) {
            for (Ticket t : running.values()) {
                if (t.key.id().equals(id)) {
                    t.cancelled = true;
                    found = true;
                }
            }
        }
        return found;
    }

    /** Every running search, oldest first. */
    public List<Snapshot> list() {
        List<Snapshot> all = new ArrayList<>();
        for (Ticket t : running.values()) all.add(t.snapshot());
        all.sort(Comparator.comparing(Snapshot::started).thenComparing(Snapshot::id));
        return all;
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "srv-" + HexFormat.of().formatHex(bytes);
    }
}
