package io.vigil.cases.action;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HTTP POST of a signed JSON body. Redirects are not followed (a redirect could leave the allowlist).
 * The receiver verifies {@code X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, body)>}.
 */
final class WebhookSender {
    static final String SIGNATURE_HEADER = "X-Vigil-Signature";
    private final HttpClient client;
    private final Allowlist allowlist;

    WebhookSender(Allowlist allowlist) {
        this.allowlist = allowlist;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Attempt send(ActionDefinition.Webhook hook, Map<String, String> values) {
        allowlist.requireUrl(hook.url());
        String body = hook.bodyTemplate().renderJson(values);
        HttpRequest request = HttpRequest.newBuilder(hook.url()).timeout(Duration.ofMillis(hook.timeoutMs()))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Vigil")
                .header(SIGNATURE_HEADER, "sha256=" + hmacSha256Hex(hook.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            String detail = "HTTP " + status + " from " + hook.url();
            if (status >= 200 && status < 300) return new Attempt.Success(detail);
            if (status >= 500) return new Attempt.Retryable(detail);
            return new Attempt.Permanent(detail);
        } catch (HttpTimeoutException e) {
            return new Attempt.Retryable("timed out after " + hook.timeoutMs() + " ms: " + hook.url());
        } catch (IOException e) {
            return new Attempt.Retryable("connection to " + hook.url() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.Permanent("interrupted while sending to " + hook.url());
        }
    }

    static String hmacSha256Hex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
