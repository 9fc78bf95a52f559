package org.candor.readmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes a directory tree, children first, without following symbolic links: the PostgreSQL binaries hold links
 * to libraries, and a delete that followed them would fail on the directory they sit in.
 */
public final class FileTree {
    private FileTree() {
    }

    public static void delete(final Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            final List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (final Path path : paths) {
                Files.delete(path);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
