package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class InFlightCommandsTest {
    private final UnsafeBuffer command = new UnsafeBuffer(new byte[64]);

    @Test
    void theWindowIsASpanOfIdsSoOneUnansweredCommandHoldsItOpen() {
        final InFlightCommands inFlight = new InFlightCommands(4, 10);
        for (int i = 0; i < 4; i++) {
            command.putLong(0, 100 + i);
            assertThat(inFlight.add(command, 8, i)).isEqualTo(10 + i);
        }
        assertThat(inFlight.hasRoom()).isFalse();
        assertThat(inFlight.remove(11)).isTrue();
        assertThat(inFlight.remove(12)).isTrue();
        assertThat(inFlight.remove(13)).isTrue();
        assertThat(inFlight.count()).isOne();
        assertThat(inFlight.hasRoom()).as("command 10 is unanswered").isFalse();
        assertThatThrownBy(() -> inFlight.add(command, 8, 0)).isInstanceOf(IllegalStateException.class);
        assertThat(inFlight.remove(10)).isTrue();
        assertThat(inFlight.oldestId()).isEqualTo(14).isEqualTo(inFlight.nextId());
        assertThat(inFlight.hasRoom()).isTrue();
    }

    @Test
    void keepsEachCommandsBytesAndForgetsAnswersTwice() {
        final InFlightCommands inFlight = new InFlightCommands(3, 1);
        for (int i = 0; i < 3; i++) {
            command.putLong(0, 7_000 + i);
            command.putInt(8, i);
            inFlight.add(command, 12, 50 + i);
        }
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[64]);
        inFlight.copy(2, copy, 4);
        assertThat(copy.getLong(4)).isEqualTo(7_001);
        assertThat(copy.getInt(12)).isEqualTo(1);
        assertThat(inFlight.length(2)).isEqualTo(12);
        assertThat(inFlight.sentNs(3)).isEqualTo(52);
        assertThat(inFlight.remove(2)).isTrue();
        assertThat(inFlight.remove(2)).as("already answered").isFalse();
        assertThat(inFlight.remove(9)).as("never sent").isFalse();
        assertThat(inFlight.contains(1)).isTrue();
        assertThat(inFlight.contains(2)).isFalse();
        assertThat(inFlight.oldestId()).isEqualTo(1);
    }
}
