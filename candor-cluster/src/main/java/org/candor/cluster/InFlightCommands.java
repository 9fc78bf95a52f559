package org.candor.cluster;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.candor.protocol.CommandEncoder;

/**
 * The commands a client has sent and not yet seen answered, with their bytes for a resend, in a ring indexed by
 * command id. Ids are added in increasing order, so the ring is always in id order and a resend walks it without
 * sorting; nothing is allocated per command.
 *
 * <p>The window is a span of ids, from the oldest unanswered to the next to send, not a count. A count would let a
 * client whose answer to one old command was lost run on with new ones until that command's id fell out of the
 * engine's memory of recent results; its resend would then be refused as stale instead of answered. Bounding the
 * span by the engine's memory ({@link ExchangeClient#IN_FLIGHT_LIMIT}) keeps every unanswered command answerable.
 */
final class InFlightCommands {
    private static final long EMPTY = 0;

    private final int mask;
    private final int span;
    private final UnsafeBuffer bytes;
    private final int[] lengths;
    private final long[] ids;
    private final long[] sentNs;
    private long oldest;
    private long next;
    private int count;

    /** Room for a span of {@code span} ids, from {@code firstCommandId} on. */
    InFlightCommands(final int span, final long firstCommandId) {
        final int capacity = BitUtil.findNextPositivePowerOfTwo(span);
        this.mask = capacity - 1;
        this.span = span;
        this.bytes = new UnsafeBuffer(new byte[capacity * CommandEncoder.MAX_COMMAND_LENGTH]);
        this.lengths = new int[capacity];
        this.ids = new long[capacity];
        this.sentNs = new long[capacity];
        this.oldest = firstCommandId;
        this.next = firstCommandId;
    }

    /** Whether the next id can be added without the span exceeding the window. */
    boolean hasRoom() {
        return next - oldest < span;
    }

    /** The id the next command gets. */
    long nextId() {
        return next;
    }

    /** Adds the next command: its id is {@link #nextId()}; returns it. The caller checked {@link #hasRoom()}. */
    long add(final DirectBuffer source, final int length, final long nowNs) {
        if (!hasRoom() || length > CommandEncoder.MAX_COMMAND_LENGTH) {
            throw new IllegalStateException("reason=in-flight-full span=" + (next - oldest) + " length=" + length);
        }
        final long id = next++;
        final int slot = (int) id & mask;
        bytes.putBytes(slot * CommandEncoder.MAX_COMMAND_LENGTH, source, 0, length);
        lengths[slot] = length;
        ids[slot] = id;
        sentNs[slot] = nowNs;
        count++;
        return id;
    }

    /** Forgets an answered command; false if it was not in flight (an answer to a resend already answered). */
    boolean remove(final long commandId) {
        if (commandId < oldest || commandId >= next || ids[(int) commandId & mask] != commandId) {
            return false;
        }
        ids[(int) commandId & mask] = EMPTY;
        count--;
        while (oldest < next && ids[(int) oldest & mask] == EMPTY) {
            oldest++;
        }
        return true;
    }

    boolean contains(final long commandId) {
        return commandId >= oldest && commandId < next && ids[(int) commandId & mask] == commandId;
    }

    int count() {
        return count;
    }

    /** The oldest command id still in flight, or {@link #nextId()} when none is. */
    long oldestId() {
        return oldest;
    }

    long sentNs(final long commandId) {
        return sentNs[(int) commandId & mask];
    }

    void markSent(final long commandId, final long nowNs) {
        sentNs[(int) commandId & mask] = nowNs;
    }

    int length(final long commandId) {
        return lengths[(int) commandId & mask];
    }

    /** Copies the command's bytes to {@code target} at {@code offset}. */
    void copy(final long commandId, final MutableDirectBuffer target, final int offset) {
        final int slot = (int) commandId & mask;
        target.putBytes(offset, bytes, slot * CommandEncoder.MAX_COMMAND_LENGTH, lengths[slot]);
    }
}
