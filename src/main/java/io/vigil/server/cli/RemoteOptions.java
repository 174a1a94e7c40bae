package io.vigil.server.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import picocli.CommandLine.Option;

/**
 * Where a client command works: a running server ({@code --url}, with credentials from the environment so
 * they stay out of shell history and process lists) or, offline, a data directory ({@code --data}).
 */
public final class RemoteOptions {
    @Option(names = "--url", paramLabel = "URL", description = "A running Vigil, e.g. http://127.0.0.1:9200 (credentials: VIGIL_USER + VIGIL_PASSWORD, or VIGIL_TOKEN).")
    String url;

    @Option(names = "--data", paramLabel = "DIR", description = "Work offline on this data directory (no server may be running on it).")
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    void requireOne(picocli.CommandLine cli) {
        if ((url == null) == (data == null)) {
            throw new picocli.CommandLine.ParameterException(cli, "Give exactly one of --url (a running server) or --data (offline)");
        }
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", contentType)
                .header("Authorization", authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Like {@link #post}, reading the answer line by line as it arrives (long-running, streamed answers). */
    HttpResponse<java.util.stream.Stream<String>> postLines(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .header("Authorization", authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static String authorization() {
        String token = System.getenv("VIGIL_TOKEN");
        if (token != null && !token.isBlank()) return "ApiKey " + token;
        String user = System.getenv("VIGIL_USER"), password = System.getenv("VIGIL_PASSWORD");
        if (user == null || password == null) {
            throw new IllegalArgumentException("no credentials: set VIGIL_TOKEN, or VIGIL_USER and VIGIL_PASSWORD");
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
