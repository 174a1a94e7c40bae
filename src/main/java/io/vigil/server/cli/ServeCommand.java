package io.vigil.server.cli;

import io.vigil.server.Vigil;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs Vigil: HTTP API (_bulk, /api/events, /api/search), console, pipeline.",
                "On first start with an empty data directory it creates the 'admin' account with the password in",
                "VIGIL_ADMIN_PASSWORD (at least 12 characters) or, if unset, a random one printed once.",
                "SIGTERM shuts down cleanly: stop accepting, finish in-flight batches, commit."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (options.data == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--data=DIR'");
        }
        Vigil vigil = start(options, options.data, System.out);
        awaitShutdown(vigil);
        return 0;
    }

    /** Opens the data directory, creates the admin on first start, listens. Shared with {@code demo}. */
    static Vigil start(ServerOptions options, Path data, PrintStream out) throws Exception {
        Vigil vigil = Vigil.open(options.load(), data);
        try {
            vigil.bootstrapAdmin(System.getenv("VIGIL_ADMIN_PASSWORD")).ifPresent(password -> {
                out.println("Created account 'admin' with password: " + password);
                out.println("This password is shown only once. Change it with 'vigil user passwd admin'.");
            });
            vigil.listen(out);
            return vigil.listenSyslog(out);
        } catch (Exception | Error e) {
            vigil.close();
            throw e;
        }
    }

    static void awaitShutdown(Vigil vigil) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vigil.close();
            } catch (Exception e) {
                System.err.println("vigil: error during shutdown: " + e);
            } finally {
                stopped.countDown();
            }
        }, "vigil-shutdown"));
        stopped.await();
    }
}
