package org.candor.gateway;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A daemon thread that follows the journal into a store: it runs {@link Body#follow} until closed, and when that
 * fails (the database went away, a write was refused) it logs the failure, keeps it for the health report, waits
 * {@link #RETRY_DELAY} and starts again, resuming from what the store last committed.
 */
final class RetryingFollower implements AutoCloseable {
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final long JOIN_TIMEOUT_MS = 5_000;
    private static final System.Logger LOG = System.getLogger(RetryingFollower.class.getName());

    /** One attempt: follow until {@code running} turns false, or throw. */
    interface Body {
        void follow(BooleanSupplier running);
    }

    private final String what;
    private final Body body;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    RetryingFollower(final String threadName, final String what, final Body body) {
        this.what = what;
        this.body = body;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (running) {
            try {
                body.follow(() -> running);
            } catch (RuntimeException e) {
                failure = e;
                LOG.log(System.Logger.Level.ERROR, what + " failed; retrying from the last commit", e);
                sleep();
            }
        }
    }

    /** Why the last attempt failed, or null once an attempt has committed again. */
    Throwable failure() {
        return failure;
    }

    /** Called by the body after a commit: the follower is healthy again. */
    void committed() {
        failure = null;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
