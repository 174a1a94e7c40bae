package io.vigil.parse.health;

/**
 * An exponentially weighted moving rate per second over a window (1 or 5 minutes), as Unix load averages
 * and Dropwizard meters compute it: counts are gathered for {@link #TICK_MILLIS} and folded in at each
 * tick. Ticks are applied lazily from the caller's clock reading, so an idle meter decays correctly when it
 * is next read. Not thread-safe: {@link SourceStats} guards it.
 */
final class MovingRate {
    static final long TICK_MILLIS = 5_000;

    private final double alpha;
    private long pending;
    private double perSecond;
    private boolean started;
    private long lastTick;

    MovingRate(long windowMillis, long now) {
        this.alpha = 1 - Math.exp(-(double) TICK_MILLIS / windowMillis);
        this.lastTick = now;
    }

    void add(long n, long now) {
        tick(now);
        pending += n;
    }

    double perSecond(long now) {
        tick(now);
        return perSecond;
    }

    private void tick(long now) {
        long ticks = (now - lastTick) / TICK_MILLIS;
        if (ticks <= 0) return;
        double instant = pending * 1000.0 / TICK_MILLIS;
        perSecond = started ? perSecond + alpha * (instant - perSecond) : instant;
        started = true;
        pending = 0;
        if (ticks > 1) perSecond *= Math.pow(1 - alpha, Math.min(ticks - 1, 100_000));
        lastTick += ticks * TICK_MILLIS;
    }
}
