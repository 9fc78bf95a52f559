package org.candor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** COPY text rows: digits of every long, NULL, booleans and escaped text. */
class CopyBufferTest {
    private final CopyBuffer buffer = new CopyBuffer(Tables.ASSETS);

    @Test
    void writesLongsOfEveryMagnitude() {
        buffer.value(0).value(7).value(-7).value(Long.MAX_VALUE).value(Long.MIN_VALUE).endRow();

        assertThat(buffer).hasToString("0\t7\t-7\t9223372036854775807\t-9223372036854775808\n");
        assertThat(buffer.rows()).isEqualTo(1);
    }

    @Test
    void writesNullsBooleansAndEscapedText() {
        buffer.nullValue().value(true).value(false).valueOrNull(false, 5).text("a\\b\tc\nd\re").text("€").endRow();

        assertThat(buffer).hasToString("\\N\tt\tf\t\\N\ta\\\\b\\tc\\nd\\re\t€\n");
    }

    @Test
    void growsPastItsFirstArray() {
        for (int i = 0; i < 20_000; i++) {
            buffer.value(Long.MIN_VALUE).endRow();
        }

        assertThat(buffer.rows()).isEqualTo(20_000);
        assertThat(buffer.toString()).hasSize(20_000 * 21);
        buffer.clear();
        assertThat(buffer.rows()).isZero();
        assertThat(buffer).hasToString("");
    }

    @Test
    void refusesAnEmptyRow() {
        assertThatThrownBy(buffer::endRow).isInstanceOf(IllegalStateException.class);
    }
}
