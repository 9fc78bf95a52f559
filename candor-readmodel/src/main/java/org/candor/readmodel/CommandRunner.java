package org.candor.readmodel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL programs (initdb, pg_ctl) and tar, waiting a bounded time. PostgreSQL refuses to run as
 * root, so when this JVM is root every program runs as an unprivileged account through {@code runuser}.
 */
final class CommandRunner {
    /** How long one program may take; initdb and a server start take about a second here. */
    static final long TIMEOUT_SECONDS = 120;

    private final String runAsUser;

    /** @param runAsUser the account to run as when this process is root, or null to run as this process */
    CommandRunner(final String runAsUser) {
        this.runAsUser = runAsUser;
    }

    /** Whether the programs run as another account than this process's. */
    boolean switchesUser() {
        return runAsUser != null;
    }

    String runAsUser() {
        return runAsUser;
    }

    /** Runs a program to completion, feeding it {@code input} if not null; throws with its output on failure. */
    String run(final List<String> command, final InputStream input) {
        final List<String> full = new ArrayList<>();
        if (runAsUser != null) {
            full.addAll(List.of("runuser", "-u", runAsUser, "--"));
        }
        full.addAll(command);
        final Process process;
        try {
            process = new ProcessBuilder(full).redirectErrorStream(true).start();
        } catch (final IOException e) {
            throw new IllegalStateException("cannot start command=" + full, e);
        }
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final Thread reader = new Thread(() -> drain(process.getInputStream(), output), "command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            feed(process, input);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("command timed out after " + TIMEOUT_SECONDS + " s: " + full);
            }
            reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running command=" + full, e);
        }
        final String text = output.toString(StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("command failed exit=" + process.exitValue() + " command=" + full
                + " output=" + text.strip());
        }
        return text;
    }

    private static void feed(final Process process, final InputStream input) {
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                input.transferTo(stdin);
            }
        } catch (final IOException e) {
            throw new IllegalStateException("cannot feed the input of a command", e);
        }
    }

    private static void drain(final InputStream from, final ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (final IOException e) {
            to.writeBytes(("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8));
        }
    }
}
