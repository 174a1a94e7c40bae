package io.vigil.server.cli;

import io.vigil.event.RawBatch;
import io.vigil.generate.KillChain;
import io.vigil.ingest.IngestGateway;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Sends the {@link KillChain}'s steps to a running Vigil in real time: each step as one batch at its
 * {@code atMillis} (late steps go at once), acknowledged by the journal before the next. Blocking; run it
 * on its own thread.
 */
public final class KillChainReplay {
    public static final String SOURCE = "demo-attack";

    private KillChainReplay() {}

    /**
     * @param acknowledged told each step and the wall-clock millis at which its batch was journaled
     * @throws InterruptedException when the thread is interrupted between steps
     */
    public static void run(IngestGateway gateway, List<KillChain.Step> steps, BiConsumer<KillChain.Step, Long> acknowledged)
            throws InterruptedException {
        for (KillChain.Step step : steps) {
            long wait = step.atMillis() - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            List<byte[]> lines = new ArrayList<>(step.events().size());
            for (String e : step.events()) lines.add(e.getBytes(StandardCharsets.UTF_8));
            gateway.submit(new RawBatch(SOURCE, "demo", "", System.currentTimeMillis(), lines)).join();
            acknowledged.accept(step, System.currentTimeMillis());
        }
    }
}
