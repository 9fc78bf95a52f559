package org.candor.notifications;

import java.util.ArrayList;
import java.util.List;

import org.candor.engine.RejectReason;

/**
 * Drives a {@link Notifier} by hand, numbering events as the engine does, and keeps what it told: the unit tests'
 * way to state one event and read its notification.
 */
final class Script {
    static final int BTC = 1;
    static final int USDT = 2;
    static final int BTCUSDT = 1;
    static final long USER = 42;

    final List<Notification> told = new ArrayList<>();
    final List<Long> resultSeqs = new ArrayList<>();
    final Notifier notifier = new Notifier((seq, timeMs, notifications) -> {
        resultSeqs.add(seq);
        told.addAll(notifications);
    });
    private long seq;

    /** A notifier that has seen BTC (8 decimals), USDT (6) and BTCUSDT listed. */
    static Script listed() {
        final Script script = new Script();
        script.notifier.assetCreated(script.next(), BTC, "BTC", 8);
        script.notifier.assetCreated(script.next(), USDT, "USDT", 6);
        script.notifier.marketCreated(script.next(), BTCUSDT, "BTCUSDT", BTC, USDT, 1, 1, 1, 1_000, 1, 0, 0);
        script.notifier.userCreated(script.next(), USER);
        script.end(1_000);
        return script;
    }

    long next() {
        return ++seq;
    }

    /** The sequence the last event had. */
    long seq() {
        return seq;
    }

    /** Ends a command at {@code timeMs}. */
    void end(final long timeMs) {
        notifier.commandResult(next(), 1, seq, timeMs, RejectReason.NONE, 0, 1, false);
    }

    Notification last() {
        return told.get(told.size() - 1);
    }
}
