package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The snapshot framing: a header announcing the length, then chunks; anything else is refused. */
class SnapshotTransferTest {

    @Test
    void chunksAreReassembledUpToTheAnnouncedLength() {
        final SnapshotTransfer.Loaded loaded = new SnapshotTransfer.Loaded();
        final UnsafeBuffer data = new UnsafeBuffer(new byte[150_000]);
        for (int i = 0; i < data.capacity(); i++) {
            data.putByte(i, (byte) (i * 31));
        }
        loaded.onFragment(header(SnapshotTransfer.MAGIC, data.capacity()), 0, SnapshotTransfer.HEADER_LENGTH, null);
        int position = 0;
        while (position < data.capacity()) {
            assertThat(loaded.complete()).isFalse();
            final int chunk = Math.min(SnapshotTransfer.CHUNK_BYTES_MAX, data.capacity() - position);
            loaded.onFragment(data, position, chunk, null);
            position += chunk;
        }
        assertThat(loaded.complete()).isTrue();
        assertThat(loaded.length()).isEqualTo(data.capacity());
        for (int i = 0; i < data.capacity(); i++) {
            assertThat(loaded.buffer().getByte(i)).isEqualTo(data.getByte(i));
        }
    }

    @Test
    void anEmptySnapshotIsCompleteAfterItsHeader() {
        final SnapshotTransfer.Loaded loaded = new SnapshotTransfer.Loaded();
        loaded.onFragment(header(SnapshotTransfer.MAGIC, 0), 0, SnapshotTransfer.HEADER_LENGTH, null);
        assertThat(loaded.complete()).isTrue();
    }

    @Test
    void refusesAnotherServicesSnapshot() {
        final SnapshotTransfer.Loaded loaded = new SnapshotTransfer.Loaded();
        assertThatThrownBy(() -> loaded.onFragment(header(0x1234, 10), 0, SnapshotTransfer.HEADER_LENGTH, null))
            .hasMessageContaining("reason=snapshot-header-unreadable");
    }

    @Test
    void refusesMoreBytesThanAnnounced() {
        final SnapshotTransfer.Loaded loaded = new SnapshotTransfer.Loaded();
        loaded.onFragment(header(SnapshotTransfer.MAGIC, 4), 0, SnapshotTransfer.HEADER_LENGTH, null);
        assertThatThrownBy(() -> loaded.onFragment(new UnsafeBuffer(new byte[8]), 0, 8, null))
            .hasMessageContaining("reason=snapshot-overrun");
    }

    private static UnsafeBuffer header(final int magic, final long length) {
        final UnsafeBuffer header = new UnsafeBuffer(new byte[SnapshotTransfer.HEADER_LENGTH]);
        header.putInt(0, magic, ByteOrder.LITTLE_ENDIAN);
        header.putInt(Integer.BYTES, SnapshotTransfer.FRAMING_VERSION, ByteOrder.LITTLE_ENDIAN);
        header.putLong(2 * Integer.BYTES, length, ByteOrder.LITTLE_ENDIAN);
        return header;
    }
}
