package org.candor.readmodel;

/**
 * The projector could not write a batch. Its memory is then ahead of the tables, so it refuses every further
 * event; a new projector on the same database resumes from the last commit.
 */
public final class ProjectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProjectionException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
