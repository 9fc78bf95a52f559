package org.candor.gateway;

import io.javalin.Javalin;

/** The running admin API of a gateway ({@link Gateway#startAdmin}); closing it stops its server only. */
public final class AdminServer implements AutoCloseable {
    private final Javalin server;

    AdminServer(final Javalin server) {
        this.server = server;
    }

    /** The port the admin API listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
