package org.candor.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Binance's client order ids are strings of up to 36 characters; the engine's are positive longs, unique per user
 * among open orders. This gateway-side table gives each (user, string) a long and remembers the way back. The same
 * string of the same user always gets the same long, so the engine itself refuses a string reused while its order is
 * open ({@code DUPLICATE_CLIENT_ORDER_ID}) and accepts it once that order has ended, as Binance does.
 *
 * <p>Limits (see docs/GATEWAY.md): the table lives in this gateway's memory, bounded to {@link #ENTRIES_MAX} strings
 * with the least recently used forgotten first, and is lost on restart; a forgotten order shows its id as
 * {@link #GENERATED_PREFIX} plus the number. Longs are drawn from a counter that starts at the wall clock in
 * microseconds, so a restarted gateway does not hand out a long still held by an open order. A later issue moves the
 * mapping into the engine's protocol or the read model.
 */
final class ClientOrderIds {
    static final int ENTRIES_MAX = 200_000;
    static final String GENERATED_PREFIX = "candor-";
    private static final Pattern FORMAT = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");

    private final AtomicLong next;
    private final Map<Key, Long> byString = lru();
    private final Map<Key, String> byNumber = lru();

    ClientOrderIds(final long firstNumber) {
        if (firstNumber < 1) {
            throw new IllegalArgumentException("firstNumber=" + firstNumber + " must be positive");
        }
        this.next = new AtomicLong(firstNumber);
    }

    /** The engine number for a user's string; a new number for a new string, or a generated id when null. */
    synchronized long numberFor(final long userId, final String clientOrderId) {
        if (clientOrderId == null) {
            return next.getAndIncrement();
        }
        if (!FORMAT.matcher(clientOrderId).matches()) {
            throw ErrorMapper.illegalParameter("newClientOrderId");
        }
        final Key key = new Key(userId, clientOrderId);
        final Long known = byString.get(key);
        if (known != null) {
            return known;
        }
        final long number = next.getAndIncrement();
        byString.put(key, number);
        byNumber.put(new Key(userId, Long.toString(number)), clientOrderId);
        return number;
    }

    /** The number of a string this gateway gave out, or -1 if it does not know it. */
    synchronized long knownNumber(final long userId, final String clientOrderId) {
        final Long known = byString.get(new Key(userId, clientOrderId));
        if (known != null) {
            return known;
        }
        if (clientOrderId.startsWith(GENERATED_PREFIX)) {
            try {
                return Long.parseLong(clientOrderId.substring(GENERATED_PREFIX.length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The string a user gave for an engine number, or the generated form. */
    synchronized String stringFor(final long userId, final long number) {
        final String known = byNumber.get(new Key(userId, Long.toString(number)));
        return known != null ? known : GENERATED_PREFIX + number;
    }

    private static <V> Map<Key, V> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<Key, V> eldest) {
                return size() > ENTRIES_MAX;
            }
        };
    }

    private record Key(long userId, String text) {
    }
}
