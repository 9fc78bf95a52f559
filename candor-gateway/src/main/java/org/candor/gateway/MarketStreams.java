package org.candor.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * Binance-style public WebSocket streams of market data: {@code <symbol>@trade}, {@code <symbol>@depth} (diffs with
 * first and last update ids that continue the REST depth's {@code lastUpdateId}) and {@code <symbol>@bookTicker}.
 * Connect to {@code /ws} (raw payloads) or {@code /stream} (each wrapped as {@code {"stream":..,"data":..}}), name
 * streams in the path ({@code /ws/btcusdt@trade}) or query ({@code /stream?streams=a/b}), or send
 * {@code SUBSCRIBE}, {@code UNSUBSCRIBE} and {@code LIST_SUBSCRIPTIONS} requests.
 *
 * <p>The journal follower's thread publishes each batch's changes; sends are asynchronous, and a connection with
 * more than {@link StreamSubscriber#PENDING_MAX} messages not yet written is closed as too slow, so one slow client
 * never holds back the views or other clients. Connections and streams per connection are bounded.
 */
final class MarketStreams {
    static final int CONNECTIONS_MAX = 1_000;
    /** Binance's limit of streams per connection. */
    static final int STREAMS_PER_CONNECTION_MAX = 1_024;
    private static final Pattern STREAM = Pattern.compile("[a-z0-9]{1,20}@(trade|depth|depth@100ms|bookTicker)");

    private final Map<String, Set<StreamSubscriber>> byStream = new ConcurrentHashMap<>();
    private final Map<String, StreamSubscriber> bySession = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;
    private final UserStreams userStreams;

    MarketStreams(final LongSupplier clockMs, final UserStreams userStreams) {
        this.clockMs = clockMs;
        this.userStreams = userStreams;
    }

    void register(final RoutesConfig routes) {
        routes.ws("/ws", ws -> configure(ws, false));
        routes.ws("/ws/{streams}", ws -> configure(ws, false));
        routes.ws("/stream", ws -> configure(ws, true));
    }

    private void configure(final WsConfig ws, final boolean combined) {
        ws.onConnect(ctx -> connect(ctx, combined));
        ws.onMessage(this::request);
        ws.onClose(ctx -> disconnect(ctx.sessionId()));
        ws.onError(ctx -> disconnect(ctx.sessionId()));
    }

    private void connect(final WsContext ctx, final boolean combined) {
        if (bySession.size() >= CONNECTIONS_MAX) {
            ctx.closeSession(new CloseStatus(StreamSubscriber.POLICY_VIOLATION, "too many connections"));
            return;
        }
        final StreamSubscriber subscriber = new StreamSubscriber(ctx.session, combined, ctx.sessionId());
        bySession.put(ctx.sessionId(), subscriber);
        final String named = ctx.pathParamMap().containsKey("streams") ? ctx.pathParam("streams")
            : ctx.queryParam("streams");
        if (named != null) {
            // A path segment that names no stream (CCXT opens /ws/0, /ws/1 to spread its subscriptions) is a
            // connection name, not an error; what the client asks for comes in SUBSCRIBE requests.
            // A listen key names the user data stream of its user (docs/GATEWAY.md, user data streams).
            for (final String stream : named.split("/")) {
                if (!userStreams.attach(stream, subscriber)) {
                    subscribe(subscriber, stream);
                }
            }
        }
    }

    private void disconnect(final String sessionId) {
        final StreamSubscriber gone = bySession.remove(sessionId);
        if (gone != null) {
            userStreams.detach(gone);
            for (final String stream : gone.streams) {
                final Set<StreamSubscriber> subscribers = byStream.get(stream);
                if (subscribers != null) {
                    subscribers.remove(gone);
                }
            }
        }
    }

    /** SUBSCRIBE, UNSUBSCRIBE or LIST_SUBSCRIPTIONS, answered with the request's id. */
    private void request(final WsMessageContext ctx) {
        final StreamSubscriber subscriber = bySession.get(ctx.sessionId());
        if (subscriber == null) {
            return;
        }
        final JsonNode request;
        try {
            request = Json.mapper().readTree(ctx.message());
        } catch (IOException e) {
            subscriber.send(Json.write(Map.of("error", Map.of("code", 3, "msg", "Invalid JSON"))));
            return;
        }
        final JsonNode id = request.path("id");
        final String method = request.path("method").asText("");
        final Map<String, Object> reply = new LinkedHashMap<>();
        switch (method) {
            case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                boolean valid = request.path("params").isArray();
                for (final JsonNode param : request.path("params")) {
                    valid &= method.equals("SUBSCRIBE") ? subscribe(subscriber, param.asText())
                        : unsubscribe(subscriber, param.asText());
                }
                if (!valid) {
                    reply.put("error", Map.of("code", 2, "msg", "Invalid request: bad or too many streams"));
                } else {
                    reply.put("result", null);
                }
            }
            case "LIST_SUBSCRIPTIONS" -> reply.put("result", new ArrayList<>(subscriber.streams));
            default -> reply.put("error", Map.of("code", 2, "msg", "Invalid request: unknown method"));
        }
        reply.put("id", id.isMissingNode() ? null : id);
        subscriber.send(Json.write(reply));
    }

    private boolean subscribe(final StreamSubscriber subscriber, final String stream) {
        if (!STREAM.matcher(stream).matches() || subscriber.streams.size() >= STREAMS_PER_CONNECTION_MAX) {
            return false;
        }
        final String key = canonical(stream);
        subscriber.streams.add(key);
        byStream.computeIfAbsent(key, s -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return true;
    }

    private boolean unsubscribe(final StreamSubscriber subscriber, final String stream) {
        final String key = canonical(stream);
        subscriber.streams.remove(key);
        final Set<StreamSubscriber> subscribers = byStream.get(key);
        if (subscribers != null) {
            subscribers.remove(subscriber);
        }
        return true;
    }

    /** Diffs go out once per batch, so {@code @depth@100ms} and {@code @depth} are one stream. */
    private static String canonical(final String stream) {
        return stream.endsWith("@depth@100ms") ? stream.substring(0, stream.length() - "@100ms".length()) : stream;
    }

    /** Sends one batch's changes to their subscribers; called on the journal follower's thread. */
    void publish(final List<MarketUpdate> updates) {
        if (bySession.isEmpty()) {
            return;
        }
        final long nowMs = clockMs.getAsLong();
        for (final MarketUpdate update : updates) {
            final String symbol = update.market().symbol().toLowerCase(Locale.ROOT);
            final Set<StreamSubscriber> trades = byStream.get(symbol + "@trade");
            if (trades != null && !trades.isEmpty()) {
                for (final PublicTrade trade : update.trades()) {
                    deliver(trades, symbol + "@trade", StreamJson.trade(update.market(), trade, nowMs));
                }
            }
            if (update.bids().isEmpty() && update.asks().isEmpty()) {
                continue;
            }
            final Set<StreamSubscriber> depth = byStream.get(symbol + "@depth");
            if (depth != null && !depth.isEmpty()) {
                deliver(depth, symbol + "@depth", StreamJson.depth(update, nowMs));
            }
            final Set<StreamSubscriber> top = byStream.get(symbol + "@bookTicker");
            if (top != null && !top.isEmpty()) {
                deliver(top, symbol + "@bookTicker", StreamJson.bookTicker(update));
            }
        }
    }

    private static void deliver(final Set<StreamSubscriber> subscribers, final String stream,
        final Map<String, Object> payload) {
        final String raw = Json.write(payload);
        String combined = null;
        for (final StreamSubscriber subscriber : subscribers) {
            if (subscriber.combined) {
                if (combined == null) {
                    combined = "{\"stream\":\"" + stream + "\",\"data\":" + raw + "}";
                }
                subscriber.send(combined);
            } else {
                subscriber.send(raw);
            }
        }
    }

    int connections() {
        return bySession.size();
    }
}
