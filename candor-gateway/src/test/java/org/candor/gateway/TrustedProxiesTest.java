package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void trustingNobodyTheClientIsThePeerWhateverTheHeaderSays() {
        assertThat(TrustedProxies.NONE.clientAddress("198.51.100.9", List.of("203.0.113.7")))
            .isEqualTo("198.51.100.9");
        assertThat(TrustedProxies.parse("").clientAddress("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientEvenIfItSendsTheHeader() {
        assertThat(PROXIES.clientAddress("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressItAppended() {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aClientCannotChooseItsAddressBySendingTheHeaderItself() {
        // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it really came from.
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("192.0.2.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        // Also when the client's header and the proxy's arrive as two header lines.
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("192.0.2.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("203.0.113.7, 10.1.2.3, 10.9.9.9")))
            .isEqualTo("203.0.113.7");
        assertThat(PROXIES.clientAddress("fd00::1", List.of("2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aGarbledOrMissingHeaderLeavesTheLastProxyReached() {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("not-an-address"))).isEqualTo("127.0.0.1");
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("203.0.113.7, unknown, 10.0.0.5"))).isEqualTo("10.0.0.5");
        // Only trusted proxies: the leftmost of them.
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("10.0.0.5, 10.0.0.6"))).isEqualTo("10.0.0.5");
    }

    @Test
    void blocksMatchOnTheirPrefixBitsOnly() {
        final TrustedProxies proxies = TrustedProxies.parse("192.168.4.0/22");
        assertThat(proxies.clientAddress("192.168.7.255", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("192.168.8.0", List.of("203.0.113.7"))).isEqualTo("192.168.8.0");
        assertThat(proxies.clientAddress("192.168.3.255", List.of("203.0.113.7"))).isEqualTo("192.168.3.255");
        // An IPv4 block does not match IPv6 peers.
        assertThat(proxies.clientAddress("::1", List.of("203.0.113.7"))).isEqualTo("::1");
    }

    @Test
    void onlyIpLiteralsAndBlocksAreAcceptedAsProxies() {
        for (final String bad : List.of("localhost", "proxy.example.com", "10.0.0.0/33", "fd00::/129", "10.0.0/8",
            "256.1.1.1", "10.0.0.1/", "10.0.0.1/x", "1.2.3.4.5")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThat(TrustedProxies.parse(" 10.0.0.0/8 ,::1").toString()).isEqualTo("[10.0.0.0/8, ::1]");
    }

    @Test
    void aLongHeaderIsReadOnlyAsFarAsTheHopBound() {
        final StringBuilder chain = new StringBuilder("203.0.113.7");
        for (int i = 0; i < TrustedProxies.HOPS_MAX + 5; i++) {
            chain.append(", 10.0.0.").append(i + 1);
        }
        // Every hop read is a trusted proxy: the walk stops at the bound, at the last one it read.
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of(chain.toString())))
            .isEqualTo("10.0.0." + (TrustedProxies.HOPS_MAX + 5 - TrustedProxies.HOPS_MAX + 1));
    }
}
