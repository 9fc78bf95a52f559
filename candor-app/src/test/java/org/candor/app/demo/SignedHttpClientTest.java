package org.candor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway refuses a signature it has already seen, so identical requests sent back to back (an operator script
 * reading one balance twice) must each sign different bytes: every one carries a later timestamp than the last, also
 * when the clock has not moved or stepped back.
 */
class SignedHttpClientTest {
    private static final Pattern TIMESTAMP = Pattern.compile("timestamp=(\\d+)");
    private static final int REQUESTS = 50;
    private static final long START_MS = 1_800_000_000_000L;

    @Test
    void identicalRequestsBackToBackEachSignALaterTimestamp() throws IOException {
        final AtomicLong clock = new AtomicLong(START_MS);
        final List<String> queries = new ArrayList<>();
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/balances", exchange -> {
            synchronized (queries) {
                queries.add(exchange.getRequestURI().getRawQuery());
            }
            final byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            final SignedHttpClient client = new SignedHttpClient("http://127.0.0.1:" + server.getAddress().getPort(),
                "OperatorKey0000000000001", "secret", clock::get);
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(client.signed("GET", "/admin/v1/balances", "userId=7").ok()).isTrue();
                if (i == REQUESTS / 2) {
                    clock.addAndGet(-1_000);
                }
            }
        } finally {
            server.stop(0);
        }

        assertThat(queries).hasSize(REQUESTS).doesNotHaveDuplicates();
        long previous = 0;
        for (String query : queries) {
            final Matcher timestamp = TIMESTAMP.matcher(query);
            assertThat(timestamp.find()).as(query).isTrue();
            final long value = Long.parseLong(timestamp.group(1));
            assertThat(value).as(query).isGreaterThan(previous);
            assertThat(value).as("no further ahead of the clock than the requests sent")
                .isLessThan(START_MS + REQUESTS);
            previous = value;
        }
    }
}
