package org.candor.engine;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * Remembers, per client, the last command id applied and the results of its most recent commands, so a resend of
 * a command the cluster already committed is applied at most once and answered with its original result.
 *
 * <p>A client's command ids must increase. An id above the client's last is new. An id at or below it is a resend:
 * it is found by binary search in the client's window of recent results (ids in the window are increasing) and
 * answered with the original outcome; if it has fallen out of the window it is refused as stale rather than
 * applied again. The client library never has more commands in flight than the window holds.
 */
final class CommandMemory {
    static final int NEW = -1;
    static final int STALE = -2;
    static final int NO_CAPACITY = -3;

    private final int clientsMax;
    private final int window;
    private final Long2LongHashMap slotByClient;
    private long[] clientIds = new long[0];
    private long[] lastCommandIds = new long[0];
    /** Per client: a ring of the last {@code window} results, oldest at {@code starts[c]}. */
    private long[][] commandIds = new long[0][];
    private long[][] references = new long[0][];
    private long[][] firstSeqs = new long[0][];
    private byte[][] reasons = new byte[0][];
    private int[] starts = new int[0];
    private int[] sizes = new int[0];
    private int clientCount;
    private int currentClient;
    /** Commands mostly come from one client at a time (a gateway's batch): remember its slot and skip the map. */
    private long cachedClientId;
    private boolean cached;

    CommandMemory(final int clientsMax, final int window) {
        this.clientsMax = clientsMax;
        this.window = window;
        this.slotByClient = new Long2LongHashMap(Math.min(clientsMax, 64), 0.65f, NEW);
    }

    int clientCount() {
        return clientCount;
    }

    /**
     * Classifies a command: NEW, STALE, NO_CAPACITY, or the ring position of the remembered original (a
     * duplicate). Remembers the client for the {@link #record} that follows a NEW.
     */
    int check(final long clientId, final long commandId) {
        int client = cached && clientId == cachedClientId ? currentClient : (int) slotByClient.get(clientId);
        if (client == NEW) {
            if (clientCount >= clientsMax) {
                return NO_CAPACITY;
            }
            client = addClient(clientId);
        }
        currentClient = client;
        cachedClientId = clientId;
        cached = true;
        if (commandId > lastCommandIds[client]) {
            return NEW;
        }
        final int found = search(client, commandId);
        return found < 0 ? STALE : found;
    }

    RejectReason reasonAt(final int position) {
        return RejectReason.fromCode(reasons[currentClient][position]);
    }

    long referenceAt(final int position) {
        return references[currentClient][position];
    }

    long firstSeqAt(final int position) {
        return firstSeqs[currentClient][position];
    }

    /** Records the result of the NEW command last passed to {@link #check}. */
    void record(final long commandId, final RejectReason reason, final long reference, final long firstSeq) {
        final int client = currentClient;
        final int position;
        if (sizes[client] < window) {
            position = (starts[client] + sizes[client]) & (window - 1);
            sizes[client]++;
        } else {
            position = starts[client];
            starts[client] = (starts[client] + 1) & (window - 1);
        }
        commandIds[client][position] = commandId;
        reasons[client][position] = (byte) reason.code();
        references[client][position] = reference;
        firstSeqs[client][position] = firstSeq;
        lastCommandIds[client] = commandId;
    }

    /** Binary search over the client's ring, whose ids increase from its start. */
    private int search(final int client, final long commandId) {
        int low = 0;
        int high = sizes[client] - 1;
        final long[] ids = commandIds[client];
        final int start = starts[client];
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            final int position = (start + mid) & (window - 1);
            final long id = ids[position];
            if (id < commandId) {
                low = mid + 1;
            } else if (id > commandId) {
                high = mid - 1;
            } else {
                return position;
            }
        }
        return -1;
    }

    private int addClient(final long clientId) {
        final int client = clientCount++;
        clientIds = Arrays.copyOf(clientIds, clientCount);
        lastCommandIds = Arrays.copyOf(lastCommandIds, clientCount);
        starts = Arrays.copyOf(starts, clientCount);
        sizes = Arrays.copyOf(sizes, clientCount);
        commandIds = Arrays.copyOf(commandIds, clientCount);
        references = Arrays.copyOf(references, clientCount);
        firstSeqs = Arrays.copyOf(firstSeqs, clientCount);
        reasons = Arrays.copyOf(reasons, clientCount);
        clientIds[client] = clientId;
        commandIds[client] = new long[window];
        references[client] = new long[window];
        firstSeqs[client] = new long[window];
        reasons[client] = new byte[window];
        slotByClient.put(clientId, client);
        return client;
    }

    /** Digest of the memory: per client, its id, its last command id and the results in its window. */
    long hash() {
        long h = 0;
        for (int client = 0; client < clientCount; client++) {
            long ringHash = Digest.hash(30, clientIds[client], lastCommandIds[client], sizes[client]);
            for (int i = 0; i < sizes[client]; i++) {
                final int position = (starts[client] + i) & (window - 1);
                ringHash = Digest.hash(31, ringHash, commandIds[client][position], reasons[client][position],
                    references[client][position], firstSeqs[client][position], 0);
            }
            h += ringHash;
        }
        return h;
    }

    void write(final SnapshotWriter out) {
        out.putInt(clientCount);
        for (int client = 0; client < clientCount; client++) {
            out.putLong(clientIds[client]);
            out.putLong(lastCommandIds[client]);
            out.putInt(sizes[client]);
            for (int i = 0; i < sizes[client]; i++) {
                final int position = (starts[client] + i) & (window - 1);
                out.putLong(commandIds[client][position]);
                out.putInt(reasons[client][position]);
                out.putLong(references[client][position]);
                out.putLong(firstSeqs[client][position]);
            }
        }
    }

    void read(final SnapshotReader in) {
        final int clients = in.getInt(0, clientsMax);
        for (int c = 0; c < clients; c++) {
            final int client = addClient(in.getLong());
            lastCommandIds[client] = in.getLong();
            final int size = in.getInt(0, window);
            for (int i = 0; i < size; i++) {
                commandIds[client][i] = in.getLong();
                reasons[client][i] = (byte) in.getInt(0, Byte.MAX_VALUE);
                references[client][i] = in.getLong();
                firstSeqs[client][i] = in.getLong();
            }
            sizes[client] = size;
        }
    }
}
