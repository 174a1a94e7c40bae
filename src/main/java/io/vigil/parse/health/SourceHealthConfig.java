package io.vigil.parse.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long each source may stay silent before {@link SilentSource} is raised.
 *
 * @param defaultMaxSilence  for every source seen before that is not listed; zero turns the check off
 * @param maxSilenceBySource source name → its own limit (zero: never alert for it)
 * @param maxSources         how many sources are tracked by name; later ones are counted under
 *                           {@link SourceHealth#OTHER_SOURCES} so a flood of UDP peers cannot exhaust memory
 */
public record SourceHealthConfig(Duration defaultMaxSilence, Map<String, Duration> maxSilenceBySource, int maxSources) {
    public static final SourceHealthConfig DEFAULT = new SourceHealthConfig(Duration.ofMinutes(15), Map.of(), 10_000);

    public SourceHealthConfig {
        List<String> problems = new ArrayList<>();
        if (defaultMaxSilence == null || defaultMaxSilence.isNegative()) {
            problems.add("sources.default_max_silence must be zero or positive, got " + defaultMaxSilence);
        }
        maxSilenceBySource.forEach((source, d) -> {
            if (d == null || d.isNegative()) problems.add("sources.max_silence." + source + " must be zero or positive, got " + d);
        });
        if (maxSources < 1) problems.add("sources.max_sources must be at least 1, got " + maxSources);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        maxSilenceBySource = Map.copyOf(maxSilenceBySource);
    }

    Duration maxSilenceFor(String source) {
        return maxSilenceBySource.getOrDefault(source, defaultMaxSilence);
    }
}
