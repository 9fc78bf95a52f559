package org.candor.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.candor.testkit.RecordingEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    @TempDir
    Path dir;

    @Test
    void readerGetsEveryEventInOrderAcrossSegments() {
        final JournalFixture fixture = new JournalFixture(1, 3000);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyAll(writer);
            assertThat(writer.lastSeq()).isEqualTo(fixture.engineLastSeq());
        }
        assertThat(JournalFormat.segmentFirstSeqs(dir)).hasSizeGreaterThan(3);
        assertThat(JournalFixture.readAll(dir, 0)).isEqualTo(fixture.expectedEvents());
    }

    @Test
    void readerResumesAfterAnySequence() {
        final JournalFixture fixture = new JournalFixture(2, 1500);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyAll(writer);
        }
        final List<RecordingEvents.Event> expected = fixture.expectedEvents();
        for (final int after : new int[] {1, 2, 17, expected.size() / 3, expected.size() / 2 + 1, expected.size() - 1,
            expected.size()}) {
            assertThat(JournalFixture.readAll(dir, after)).as("after %d", after)
                .isEqualTo(expected.subList(after, expected.size()));
        }
    }

    @Test
    void readerFollowsTheWriterLive() {
        final JournalFixture fixture = new JournalFixture(3, 800);
        final RecordingEvents seen = new RecordingEvents();
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0);
            EventJournalReader reader = EventJournalReader.open(dir, 0)) {
            for (int to = 1; to <= fixture.workload.size(); to += 7) {
                fixture.applyUntil(Math.min(to, fixture.workload.size()), writer);
                while (reader.poll(seen, 64) > 0) {
                    // Drain what was just written.
                }
                assertThat(reader.lastSeq()).isEqualTo(writer.lastSeq());
            }
            fixture.applyAll(writer);
            while (reader.poll(seen, 64) > 0) {
                // Drain the rest.
            }
            assertThat(reader.poll(seen, 64)).isZero();
        }
        assertThat(seen.events()).isEqualTo(fixture.expectedEvents());
    }

    @Test
    void replayAfterRestartIsCheckedNotWrittenAgain() {
        final JournalFixture fixture = new JournalFixture(4, 1200);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyUntil(900, writer);
        }
        final long heldBefore = JournalFixture.readAll(dir, 0).size();
        fixture.restartEngine();
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            assertThat(writer.lastSeq()).isEqualTo(heldBefore);
            fixture.applyAll(writer);
            assertThat(writer.eventsReplayed()).isEqualTo(heldBefore);
        }
        assertThat(JournalFixture.readAll(dir, 0)).isEqualTo(fixture.expectedEvents());
    }

    @Test
    void aReplayThatDiffersStopsTheWriter() {
        final JournalFixture original = new JournalFixture(5, 400);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            original.applyAll(writer);
        }
        final JournalFixture other = new JournalFixture(6, 400);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            assertThatThrownBy(() -> other.applyAll(writer)).isInstanceOf(JournalDivergenceException.class);
        }
    }

    @Test
    void aJournalStartedAfterASnapshotHasAGapReadersAreToldAbout() {
        final JournalFixture fixture = new JournalFixture(7, 300);
        final EventJournalWriter scratch = EventJournalWriter.open(dir.resolve("scratch"),
            JournalFixture.SMALL_SEGMENT, 0);
        fixture.applyUntil(100, scratch);
        scratch.close();
        final long snapshotSeq = fixture.engineLastSeq();
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, snapshotSeq)) {
            fixture.applyAll(writer);
        }
        assertThatThrownBy(() -> JournalFixture.readAll(dir, 0)).isInstanceOfSatisfying(JournalGapException.class,
            gap -> assertThat(gap.resumesAtSeq()).isEqualTo(snapshotSeq + 1));
        final List<RecordingEvents.Event> expected = fixture.expectedEvents();
        assertThat(JournalFixture.readAll(dir, snapshotSeq))
            .isEqualTo(expected.subList((int) snapshotSeq, expected.size()));
    }

    @Test
    void aTornLastFrameIsDroppedAndWrittenAgainOnReplay() throws IOException {
        final JournalFixture fixture = new JournalFixture(8, 500);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyAll(writer);
        }
        final long[] seqs = JournalFormat.segmentFirstSeqs(dir);
        final Path last = JournalFormat.segmentPath(dir, seqs[seqs.length - 1]);
        final int lastFrame = lastFramePosition(last);
        flipByte(last, lastFrame + JournalFormat.FRAME_HEADER_BYTES + 3);

        fixture.restartEngine();
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyAll(writer);
            assertThat(writer.framesWritten()).isEqualTo(1);
        }
        assertThat(JournalFixture.readAll(dir, 0)).isEqualTo(fixture.expectedEvents());
    }

    @Test
    void aDamagedFrameInTheMiddleIsReportedNotSkipped() throws IOException {
        final JournalFixture fixture = new JournalFixture(9, 300);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyAll(writer);
        }
        final Path first = JournalFormat.segmentPath(dir, JournalFormat.segmentFirstSeqs(dir)[0]);
        flipByte(first, JournalFormat.FIRST_FRAME_OFFSET + JournalFormat.FRAME_HEADER_BYTES + 5);
        assertThatThrownBy(() -> JournalFixture.readAll(dir, 0)).isInstanceOf(JournalCorruptException.class);
    }

    @Test
    void refusesEventsThatDoNotContinueTheJournal() {
        final JournalFixture fixture = new JournalFixture(10, 50);
        try (EventJournalWriter writer = EventJournalWriter.open(dir, JournalFixture.SMALL_SEGMENT, 0)) {
            fixture.applyUntil(10, writer);
        }
        final JournalFixture skipping = new JournalFixture(10, 50);
        try (EventJournalWriter scratch = EventJournalWriter.open(dir.resolve("scratch"), JournalFixture.SMALL_SEGMENT,
            0)) {
            skipping.applyUntil(5, scratch);
        }
        try (EventJournalWriter writer = EventJournalWriter.open(dir.resolve("other"), JournalFixture.SMALL_SEGMENT,
            0)) {
            assertThatThrownBy(() -> skipping.applyUntil(6, writer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("events-do-not-continue-journal");
        }
    }

    private static int lastFramePosition(final Path segment) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "r")) {
            int position = JournalFormat.FIRST_FRAME_OFFSET;
            int last = -1;
            while (true) {
                file.seek(position);
                final int length = Integer.reverseBytes(file.readInt());
                if (length <= 0) {
                    return last;
                }
                last = position;
                position += JournalFormat.align(length);
            }
        }
    }

    private static void flipByte(final Path file, final long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            final int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ 0x5A);
        }
    }
}
