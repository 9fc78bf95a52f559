package org.candor.readmodel;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's COPY text format, built as bytes: digits are written directly, so a batch of
 * rows costs no per-value allocation. Values are tab-separated, rows newline-terminated, NULL is {@code \N}.
 */
final class CopyBuffer {
    private static final int INITIAL_BYTES = 1 << 16;
    private static final int LONG_DIGITS_MAX = 20;
    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private final Table table;
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int rows;

    CopyBuffer(final Table table) {
        this.table = table;
    }

    Table table() {
        return table;
    }

    CopyBuffer value(final long value) {
        ensure(LONG_DIGITS_MAX + 2);
        if (value == Long.MIN_VALUE) {
            System.arraycopy(LONG_MIN, 0, bytes, length, LONG_MIN.length);
            length += LONG_MIN.length;
        } else {
            long rest = value;
            if (rest < 0) {
                bytes[length++] = '-';
                rest = -rest;
            }
            final int start = length;
            do {
                bytes[length++] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest != 0);
            reverse(start, length - 1);
        }
        bytes[length++] = '\t';
        return this;
    }

    CopyBuffer value(final boolean value) {
        ensure(2);
        bytes[length++] = (byte) (value ? 't' : 'f');
        bytes[length++] = '\t';
        return this;
    }

    CopyBuffer nullValue() {
        ensure(NULL.length + 1);
        System.arraycopy(NULL, 0, bytes, length, NULL.length);
        length += NULL.length;
        bytes[length++] = '\t';
        return this;
    }

    /** A value that may be absent, written as NULL when {@code present} is false. */
    CopyBuffer valueOrNull(final boolean present, final long value) {
        return present ? value(value) : nullValue();
    }

    /** Text, with the characters COPY treats specially (backslash, tab, newline, carriage return) escaped. */
    CopyBuffer text(final String value) {
        final byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length * 2 + 1);
        for (final byte b : utf8) {
            switch (b) {
                case '\\' -> put('\\', '\\');
                case '\t' -> put('\\', 't');
                case '\n' -> put('\\', 'n');
                case '\r' -> put('\\', 'r');
                default -> bytes[length++] = b;
            }
        }
        bytes[length++] = '\t';
        return this;
    }

    void endRow() {
        if (length == 0 || bytes[length - 1] != '\t') {
            throw new IllegalStateException("a row needs at least one value: table=" + table.name());
        }
        bytes[length - 1] = '\n';
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows to {@code target} (the table or its staging table) and returns how many were sent. */
    int copyInto(final CopyManager copy, final String target) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        final CopyIn in = copy.copyIn(table.copySql(target));
        try {
            in.writeToCopy(bytes, 0, length);
            final long copied = in.endCopy();
            if (copied != rows) {
                throw new IllegalStateException("COPY wrote " + copied + " rows, expected " + rows + ": table="
                    + table.name());
            }
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return rows;
    }

    void clear() {
        length = 0;
        rows = 0;
    }

    private void put(final char first, final char second) {
        bytes[length++] = (byte) first;
        bytes[length++] = (byte) second;
    }

    private void ensure(final int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private void reverse(final int from, final int to) {
        for (int i = from, j = to; i < j; i++, j--) {
            final byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }

    /** For tests and error messages: the rows as text. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
