package org.candor.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine a benchmark ran on, for docs/BENCHMARKS.md. */
final class MachineInfo {
    private MachineInfo() {
    }

    static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
            + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB";
    }

    private static String cpuModel() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown cpu";
        }
        return "unknown cpu";
    }
}
