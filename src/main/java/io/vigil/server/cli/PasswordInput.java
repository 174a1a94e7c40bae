package io.vigil.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a CLI command gets a new password, never from the command line itself (it would land in shell
 * history and {@code ps}): the first line of standard input with {@code --password-stdin}, else the
 * environment variable {@code VIGIL_USER_PASSWORD}, else a prompt (twice) on the terminal.
 */
final class PasswordInput {
    static final String ENV = "VIGIL_USER_PASSWORD";

    private PasswordInput() {
    }

    static String read(boolean fromStdin, String user) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("--password-stdin: standard input had no password line");
                }
                return line;
            } catch (IOException e) {
                throw new IllegalArgumentException("--password-stdin: cannot read standard input: " + e.getMessage());
            }
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no password: use --password-stdin, set " + ENV + ", or run in a terminal");
        }
        char[] first = console.readPassword("New password for %s: ", user);
        char[] second = console.readPassword("Repeat it: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("the two passwords differ; nothing was changed");
        }
        return new String(first);
    }
}
