package io.vigil.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets secrets stay out of the configuration file: in any text value, {@code ${env:NAME}} is replaced by
 * the environment variable and {@code ${file:/path}} by the file's contents (one trailing newline dropped,
 * as written by {@code echo} or Docker/Kubernetes secrets). {@code $${} is a literal {@code ${}. A missing
 * variable or unreadable file is a configuration problem naming the key; all are listed at once. Keys are
 * never resolved, only values; resolved values are not re-scanned.
 */
public final class SecretResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{(env|file):([^}]+)}");

    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    private SecretResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /** A resolved copy of {@code root}; throws {@link ConfigException} listing every unresolvable reference. */
    public static JsonNode resolve(JsonNode root, Function<String, String> environment) {
        if (root == null) {
            return null;
        }
        SecretResolver resolver = new SecretResolver(environment);
        JsonNode resolved = resolver.walk(root, "");
        if (!resolver.problems.isEmpty()) {
            throw new ConfigException(resolver.problems);
        }
        return resolved;
    }

    private JsonNode walk(JsonNode node, String path) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(walk(node.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        return node.isTextual() ? TextNode.valueOf(substitute(node.asText(), path)) : node;
    }

    private String substitute(String text, String path) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? "${" : lookup(m.group(1), m.group(2).strip(), path);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookup(String kind, String name, String path) {
        if (kind.equals("env")) {
            String value = environment.apply(name);
            if (value == null) {
                problems.add("`" + path + "`: environment variable " + name + " is not set");
                return "";
            }
            return value;
        }
        try {
            String value = Files.readString(Path.of(name), StandardCharsets.UTF_8);
            return value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                    : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } catch (IOException | RuntimeException e) {
            problems.add("`" + path + "`: cannot read secret file " + name + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            return "";
        }
    }
}
