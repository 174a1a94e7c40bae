package io.vigil.server.cli;

import io.vigil.detect.RulesCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil rules}: rule maintenance commands. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Sigma rule tools.",
        subcommands = {RulesCommand.Check.class})
public final class RulesCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Loads and compiles every rule under the paths and lists each rejected rule as file:line: reason.",
                    "Exit status 0 when every rule loaded, 1 otherwise."})
    static final class Check implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Rule files or folders.")
        List<Path> paths;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            RulesCheck.Format f = switch (format) {
                case "text" -> RulesCheck.Format.TEXT;
                case "json" -> RulesCheck.Format.JSON;
                default -> throw new CommandLine.ParameterException(new CommandLine(this),
                        "--format must be text or json, got '" + format + "'");
            };
            return new RulesCheck(System.out).run(paths, f);
        }
    }
}
