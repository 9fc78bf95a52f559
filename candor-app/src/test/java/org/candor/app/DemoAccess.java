package org.candor.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;

/** A serving demo for tests in other packages: started on free HTTP ports, stopped on request. */
public final class DemoAccess {
    private final DemoCommand demo;
    private final String[] args;

    private DemoAccess(final DemoCommand demo, final String[] args) {
        this.demo = demo;
        this.args = args;
    }

    /** A demo that serves until {@link #stop()}, its node on {@code portBase}, HTTP on free ports. */
    public static DemoAccess serving(final PrintStream out, final Path nodeDir, final int portBase,
        final Path credentials) {
        return new DemoAccess(new DemoCommand(out), new String[] {"--http-port", "0", "--admin-port", "0",
            "--port-base", String.valueOf(portBase), "--dir", nodeDir.toString(), "--credentials",
            credentials.toString()});
    }

    /** Runs the demo on the calling thread until stopped; returns its exit code. */
    public int run() {
        return new CommandLine(demo).execute(args);
    }

    /** Waits until the demo's output says it serves. */
    public void awaitServing(final ByteArrayOutputStream output, final Duration max) throws InterruptedException {
        final long deadline = System.nanoTime() + max.toNanos();
        while (!output.toString(StandardCharsets.UTF_8).contains("serving until")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo did not start serving: " + output);
            }
            Thread.sleep(100);
        }
    }

    public void stop() {
        demo.stop();
    }
}
