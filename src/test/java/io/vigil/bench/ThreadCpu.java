package io.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds per thread of this JVM, read from {@code /proc/self/task/N/stat} (utime + stime), with thread names
 * grouped by collapsing digits (as bench/ingest-profile.sh does), so a bench can say where its CPU went. A thread
 * that ended between two snapshots loses its ticks; JVM-wide threads (GC, compilers) live for the whole run.
 */
final class ThreadCpu {
    /** Linux USER_HZ: ticks per second in /proc stat files. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {}

    /** Ticks per thread id (with its grouped name), so a later snapshot can be diffed per thread. */
    record Snapshot(Map<String, Long> ticksByTask, Map<String, String> groupByTask, long processTicks) {
        Map<String, Double> secondsByGroupSince(Snapshot before) {
            Map<String, Double> out = new HashMap<>();
            ticksByTask.forEach((task, ticks) -> {
                long delta = ticks - before.ticksByTask.getOrDefault(task, 0L);
                out.merge(groupByTask.get(task), delta / TICKS_PER_SECOND, Double::sum);
            });
            return out;
        }

        double processSecondsSince(Snapshot before) {
            return (processTicks - before.processTicks) / TICKS_PER_SECOND;
        }
    }

    static Snapshot snapshot() {
        Map<String, Long> ticks = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long t = ticksOf(Files.readString(task.resolve("stat")));
                    String id = task.getFileName().toString();
                    ticks.put(id, t);
                    groups.put(id, name.replaceAll("[0-9]+", "N").replace(' ', '_'));
                } catch (IOException ended) {
                    // the thread ended while we listed: its ticks are gone with it
                }
            });
            return new Snapshot(ticks, groups, ticksOf(Files.readString(Path.of("/proc/self/stat"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self (thread CPU needs Linux)", e);
        }
    }

    /** utime + stime: fields 14 and 15 of stat, counted after the parenthesised command name. */
    private static long ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Prints the process CPU and the top groups, with microseconds of CPU per line for each. */
    static void print(Snapshot before, Snapshot after, long lines, int top) {
        double process = after.processSecondsSince(before);
        System.out.printf(Locale.ROOT, "process CPU %.1f s = %.1f us/line; by thread group:%n", process, process / lines * 1e6);
        Map<String, Double> groups = after.secondsByGroupSince(before);
        double live = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        groups.put("(threads that ended, e.g. the bench's senders)", process - live);
        groups.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %7.2f s %6.2f us/line  %s%n", e.getValue(),
                        e.getValue() / lines * 1e6, e.getKey()));
    }
}
