package io.vigil.server;

import io.vigil.server.cli.DemoCommand;
import io.vigil.server.cli.GenerateCommand;
import io.vigil.server.cli.IngestCommand;
import io.vigil.server.cli.SearchCommand;
import io.vigil.server.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Vigil's command line: {@code vigil <command> [options]}; {@code --help} on every command. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Vigil security monitoring: durable ingest, ECS, embedded Lucene store, Sigma detection.",
        subcommands = {ServeCommand.class, DemoCommand.class, IngestCommand.class, SearchCommand.class, GenerateCommand.class,
                io.vigil.server.cli.UserCommand.class, io.vigil.server.cli.TokenCommand.class,
                io.vigil.server.cli.AuditCommand.class, io.vigil.server.cli.ExposureCheckCommand.class,
                io.vigil.server.cli.AssessCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("vigil: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"vigil " + (v == null ? "development" : v)};
        }
    }
}
