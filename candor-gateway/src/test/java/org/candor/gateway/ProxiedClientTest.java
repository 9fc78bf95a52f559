package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.candor.gateway.TestExchange.ApiClient;
import org.candor.gateway.TestExchange.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway behind a reverse proxy it trusts (here the test itself, on 127.0.0.1): the client's address comes from
 * X-Forwarded-For for the per-IP weight limit and the API keys' IP allow-lists, and from nowhere else.
 */
class ProxiedClientTest {
    private TestExchange exchange;

    @AfterEach
    void stop() {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Test
    void behindATrustedProxyEachClientAddressHasItsOwnWeightBucket() throws Exception {
        exchange = new TestExchange();
        exchange.trustedProxies(TrustedProxies.parse("127.0.0.1"));
        final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, 100);
        assertThat(usedWeight(gateway, "203.0.113.7")).isEqualTo("1");
        assertThat(usedWeight(gateway, "203.0.113.7")).isEqualTo("2");
        assertThat(usedWeight(gateway, "203.0.113.8")).isEqualTo("1");
        // What the client wrote itself, left of what the proxy appended, does not count.
        assertThat(usedWeight(gateway, "203.0.113.8, 203.0.113.7")).isEqualTo("3");
        assertThat(usedWeight(gateway, null)).isEqualTo("1");
    }

    @Test
    void reachedDirectlyTheHeaderIsIgnored() throws Exception {
        exchange = new TestExchange();
        final Gateway gateway = exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, 100);
        assertThat(usedWeight(gateway, "203.0.113.7")).isEqualTo("1");
        assertThat(usedWeight(gateway, "203.0.113.8")).isEqualTo("2");
        assertThat(usedWeight(gateway, null)).isEqualTo("3");
    }

    @Test
    void anApiKeysIpAllowListChecksTheForwardedClientAddress() throws Exception {
        exchange = new TestExchange();
        exchange.trustedProxies(TrustedProxies.parse("127.0.0.0/8"));
        exchange.startGateway(TestExchange.GATEWAY_CLIENT_ID, Gateway.Config.IP_WEIGHT_PER_MINUTE_DEFAULT);
        final ApiClient trader = exchange.newTrader();
        final String key = "AllowListedKey" + trader.userId + "x".repeat(16);
        final String secret = "allow-listed-secret-" + trader.userId;
        exchange.keys.create(new ApiKey(key, trader.userId, secret.getBytes(StandardCharsets.UTF_8),
            EnumSet.of(Permission.READ), List.of("203.0.113.7"), false));
        final ApiClient allowListed = new ApiClient(exchange, trader.userId, key, secret);

        final Reply fromAllowed = account(allowListed, "203.0.113.7");
        assertThat(fromAllowed.status()).as(fromAllowed.json().toString()).isEqualTo(200);
        final Reply fromOther = account(allowListed, "203.0.113.8");
        assertThat(fromOther.status()).isEqualTo(401);
        assertThat(fromOther.json().get("code").asInt()).isEqualTo(-2015);
        // Claiming the allowed address in front of the real one does not help.
        final Reply spoofed = account(allowListed, "203.0.113.7, 203.0.113.8");
        assertThat(spoofed.status()).isEqualTo(401);
    }

    private String usedWeight(final Gateway gateway, final String forwardedFor) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(exchange.uri(gateway, "/api/v3/ping"));
        if (forwardedFor != null) {
            request.header(TrustedProxies.FORWARDED_FOR_HEADER, forwardedFor);
        }
        final Reply reply = exchange.send(request.build());
        assertThat(reply.status()).isEqualTo(200);
        return reply.header(RequestGuard.USED_WEIGHT_HEADER);
    }

    private Reply account(final ApiClient client, final String forwardedFor) {
        return exchange.send(HttpRequest.newBuilder(exchange.uri(exchange.gateway(), "/api/v3/account?"
            + client.sign(""))).header(RequestAuthenticator.API_KEY_HEADER, client.key)
            .header(TrustedProxies.FORWARDED_FOR_HEADER, forwardedFor).GET().build());
    }
}
