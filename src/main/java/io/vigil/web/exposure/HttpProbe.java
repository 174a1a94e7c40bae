package io.vigil.web.exposure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Unauthenticated GET requests for the exposure check. It never sends credentials, so it accepts any server
 * certificate: the question is what an anonymous stranger can read, and a stranger does not care whether the
 * certificate is trusted. Redirects are not followed (a redirect to a login page is itself evidence).
 */
final class HttpProbe {
    /** One answer; {@code body} is cut at {@link #MAX_BODY} characters. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    static final int MAX_BODY = 256 * 1024;
    private final HttpClient client;
    private final Duration timeout;

    HttpProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(trustingAll()).build();
    }

    /** The answer, or empty when nothing answered (refused, timed out, not HTTP). */
    Optional<Answer> get(URI base, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("User-Agent", "vigil-exposure-check").header("Accept", "application/json, */*").GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body();
            return Optional.of(new Answer(response.statusCode(), response.headers(),
                    body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static SSLContext trustingAll() {
        TrustManager[] anyCertificate = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not used: this client never asks for client authentication
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // deliberately accepts any certificate: no secret is ever sent over this connection
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, anyCertificate, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for probing", e);
        }
    }
}
