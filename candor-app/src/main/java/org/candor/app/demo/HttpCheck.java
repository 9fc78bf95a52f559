package org.candor.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The demo's self-check over HTTP, as a bot would see the exchange: public market data with the market maker's
 * quotes in the book, then a demo user's signed requests (balances, an order that rests, found among the open
 * orders, cancelled). {@code ./candor demo --check} runs it and exits, which is how CI proves the quick start
 * serves real requests.
 */
public final class HttpCheck {
    private static final Duration BOOK_WAIT = Duration.ofSeconds(20);
    private final DemoCredentials.User user;
    private final PrintStream out;
    private final SignedHttpClient http;

    public HttpCheck(final String baseUrl, final DemoCredentials.User user, final PrintStream out) {
        this.user = user;
        this.out = out;
        this.http = new SignedHttpClient(baseUrl, user.apiKey(), user.secretKey());
    }

    /** Runs every check; throws {@link IllegalStateException} naming the first that fails. */
    public void run() {
        expect(get("/api/v3/ping").isObject(), "ping answers {}");
        final JsonNode info = get("/api/v3/exchangeInfo");
        expect(info.path("symbols").size() == 3, "exchangeInfo lists the three markets");
        out.println("  http: ping and exchangeInfo (" + info.path("symbols").size() + " markets) ok");
        final JsonNode book = awaitQuotedBook("BTCUSDT");
        out.println("  http: BTCUSDT book best bid " + book.path("bids").path(0).path(0).asText() + ", best ask "
            + book.path("asks").path(0).path(0).asText());
        final JsonNode account = signed("GET", "/api/v3/account", "omitZeroBalances=true");
        expect(account.path("balances").size() > 0, user.name() + "'s account has balances");
        out.println("  http: " + user.name() + "'s signed account read: " + account.path("balances").size()
            + " assets with a balance");
        final String address = signed("GET", "/sapi/v1/capital/deposit/address", "coin=ETH").path("address").asText();
        expect(!address.isEmpty() && address.equals(signed("GET", "/sapi/v1/capital/deposit/address", "coin=ETH")
            .path("address").asText()), "a deposit address, the same every time");
        final JsonNode deposits = signed("GET", "/sapi/v1/capital/deposit/hisrec", "");
        expect(deposits.size() > 0, user.name() + "'s credited deposits are in the deposit history");
        out.println("  http: " + user.name() + "'s ETH deposit address " + address + "; " + deposits.size()
            + " deposits in the history");
        final JsonNode order = signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=1000.00&quantity=0.0100"
                + "&newClientOrderId=demo-check-1");
        expect("NEW".equals(order.path("status").asText()), "a limit order far below the market rests (NEW)");
        final long orderId = order.path("orderId").asLong();
        final JsonNode open = signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT");
        boolean listed = false;
        for (JsonNode each : open) {
            listed |= each.path("orderId").asLong() == orderId;
        }
        expect(listed, "the order is among the user's open orders on the next request");
        final JsonNode cancelled = signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + orderId);
        expect("CANCELED".equals(cancelled.path("status").asText()), "the order cancels");
        out.println("  http: " + user.name() + " placed order " + orderId + " (rests), saw it open, cancelled it");
    }

    private JsonNode awaitQuotedBook(final String symbol) {
        final long deadline = System.nanoTime() + BOOK_WAIT.toNanos();
        while (true) {
            final JsonNode book = get("/api/v3/depth?symbol=" + symbol + "&limit=5");
            if (book.path("bids").size() > 0 && book.path("asks").size() > 0) {
                return book;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("demo check failed: no quotes in " + symbol + " after " + BOOK_WAIT);
            }
            pause();
        }
    }

    private JsonNode get(final String pathAndQuery) {
        return ok("GET " + pathAndQuery, http.get(pathAndQuery));
    }

    private JsonNode signed(final String method, final String path, final String parameters) {
        return ok(method + " " + path, http.signed(method, path, parameters));
    }

    private static JsonNode ok(final String request, final SignedHttpClient.Response response) {
        if (!response.ok()) {
            throw new IllegalStateException("demo check failed: " + request + " answered " + response.status() + " "
                + response.body());
        }
        return response.body();
    }

    private static void expect(final boolean condition, final String what) {
        if (!condition) {
            throw new IllegalStateException("demo check failed: " + what);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo check interrupted", e);
        }
    }
}
