package org.candor.readmodel;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM and by the PostgreSQL processes on this machine (Linux, from /proc). On a
 * shared machine wall-clock rates swing with the neighbours' load; CPU seconds per event do not, so the benchmark
 * reports both.
 */
final class ProcessCpu {
    /** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;
    private static final int UTIME_FIELD = 13;
    private static final int STIME_FIELD = 14;

    private ProcessCpu() {
    }

    static long jvmMs() {
        final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1_000_000;
        }
        return 0;
    }

    /** CPU milliseconds of every live process whose command name is "postgres", or 0 where /proc is missing. */
    static long postgresMs() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                .mapToLong(ProcessCpu::postgresTicks).sum() * 1000 / TICKS_PER_SECOND;
        } catch (final IOException e) {
            return 0;
        }
    }

    private static long postgresTicks(final Path process) {
        try {
            final String stat = Files.readString(process.resolve("stat"));
            final int nameEnd = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                return 0;
            }
            final String[] fields = stat.substring(nameEnd + 2).split(" ");
            // Fields after the name start at field 3 of proc(5); utime and stime are fields 14 and 15.
            return Long.parseLong(fields[UTIME_FIELD - 2]) + Long.parseLong(fields[STIME_FIELD - 2]);
        } catch (final IOException | RuntimeException e) {
            return 0;
        }
    }
}
