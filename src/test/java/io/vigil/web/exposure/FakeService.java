package io.vigil.web.exposure;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny imitation of a log platform on 127.0.0.1:0: fixed answers per path (with query), extra headers on
 * every response, and a default answer for everything else (404 when open, 401 when protected).
 */
final class FakeService implements AutoCloseable {
    record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Reply fallback = new Reply(404, "{\"error\":\"not found\"}");

    FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Reply reply = replies.getOrDefault(query == null ? path : path + "?" + query, replies.getOrDefault(path, fallback));
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    FakeService on(String pathAndQuery, int status, String body) {
        replies.put(pathAndQuery, new Reply(status, body));
        return this;
    }

    FakeService header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Protected: everything not listed answers 401 with this challenge. */
    FakeService protectedBy(String challenge) {
        headers.put("WWW-Authenticate", challenge);
        fallback = new Reply(401, "{\"error\":\"unauthorized\"}");
        return this;
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String url() {
        return "http://" + hostPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
