package org.candor.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests signed as Binance clients sign them (and as the admin API expects from operators): the parameters, a
 * timestamp and recvWindow, and the HMAC-SHA256 of that exact string appended as {@code signature}; the key in
 * {@code X-MBX-APIKEY}. GET and DELETE carry it in the query string, POST as a form body.
 */
public final class SignedHttpClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final String apiKey;
    private final byte[] secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final LongSupplier clockMs;
    /**
     * The last timestamp signed: each request gets a later one, because the gateway refuses a signature it has seen
     * and two identical requests in one millisecond would sign the same bytes.
     */
    private final AtomicLong lastTimestamp = new AtomicLong();

    public SignedHttpClient(final String baseUrl, final String apiKey, final String secret) {
        this(baseUrl, apiKey, secret, System::currentTimeMillis);
    }

    SignedHttpClient(final String baseUrl, final String apiKey, final String secret, final LongSupplier clockMs) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clockMs = clockMs;
    }

    /** A response: HTTP status and the parsed body. */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** An unsigned GET. */
    public Response get(final String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT).GET().build());
    }

    /** A signed request; {@code parameters} are already URL-encoded ({@code a=1&b=2}), or empty. */
    public Response signed(final String method, final String path, final String parameters) {
        final String query = (parameters.isEmpty() ? "" : parameters + "&") + "recvWindow=5000&timestamp="
            + nextTimestamp();
        final String signedQuery = query + "&signature=" + hmac(query);
        final HttpRequest.Builder request = HttpRequest.newBuilder().timeout(TIMEOUT).header("X-MBX-APIKEY", apiKey);
        if ("POST".equals(method)) {
            request.uri(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signedQuery));
        } else {
            request.uri(URI.create(baseUrl + path + "?" + signedQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    private long nextTimestamp() {
        return lastTimestamp.updateAndGet(last -> Math.max(last + 1, clockMs.getAsLong()));
    }

    private String hmac(final String payload) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private Response send(final HttpRequest request) {
        try {
            final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            final JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + baseUrl, e);
        }
    }
}
