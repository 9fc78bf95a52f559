package org.candor.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntSupplier;

/** An operator's signed requests to an admin API, as `./candor admin` sends them. */
final class OperatorClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final TestExchange exchange;
    private final IntSupplier port;
    private final String key;
    private final String secret;

    OperatorClient(final TestExchange exchange, final IntSupplier port, final String key, final String secret) {
        this.exchange = exchange;
        this.port = port;
        this.key = key;
        this.secret = secret;
    }

    TestExchange.Reply get(final String path, final String params) {
        return exchange.send(request(path + "?" + sign(params)).GET().build());
    }

    TestExchange.Reply post(final String path, final String params) {
        return exchange.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(sign(params))).build());
    }

    private String sign(final String params) {
        final String payload = (params.isEmpty() ? "" : params + "&") + "timestamp=" + TestExchange.nextTimestamp();
        return payload + "&signature=" + HmacSigner.sign(secret.getBytes(StandardCharsets.UTF_8), payload);
    }

    private HttpRequest.Builder request(final String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + pathAndQuery))
            .timeout(TIMEOUT).header(RequestAuthenticator.API_KEY_HEADER, key);
    }
}
