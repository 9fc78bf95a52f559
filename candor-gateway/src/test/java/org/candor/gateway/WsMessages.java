package org.candor.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JDK WebSocket listener for tests: collects text messages; {@link #next} waits for the next one that matches,
 * skipping the others; {@link #closed} completes with the close status the server sent.
 */
final class WsMessages implements WebSocket.Listener {
    private static final long OPENED_REQUEST_ID = 4_242_424_242L;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> skipped = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket socket, final int statusCode, final String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(final WebSocket socket, final Throwable error) {
        closed.complete(-1);
    }

    /**
     * Sends a request on the connection and waits for its answer. The server handles a connection's messages only
     * after its connect, so by then a listen key named in the path is attached (one database lookup, which a test
     * must not race with its next step). Not for a connection the server refuses: no answer comes.
     */
    void awaitOpened(final WebSocket socket) throws Exception {
        socket.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + OPENED_REQUEST_ID + "}", true).join();
        next(m -> m.path("id").asLong() == OPENED_REQUEST_ID);
    }

    JsonNode next(final Predicate<JsonNode> wanted) throws Exception {
        while (true) {
            final String text = received.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a matching message; skipped " + skipped).isNotNull();
            final JsonNode message = Json.mapper().readTree(text);
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(text);
        }
    }
}
