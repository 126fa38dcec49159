package com.trackgeek.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real provider response bodies in the shared fixtures folder (never copied into this repository).
 * Its location is the system property {@code trackgeek.fixtures}, which the build sets to
 * {@code <repository>/../shared/fixtures}; without it, the folder is looked for beside the working
 * directory's ancestors, so tests also run from an IDE.
 */
public final class Fixtures {

    public static final String PROPERTY = "trackgeek.fixtures";

    private Fixtures() {
    }

    public static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return requireDirectory(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("fixtures folder not found: set -D" + PROPERTY + "=<path to shared/fixtures>");
    }

    /** One fixture body, e.g. {@code body("jikan/anime-5114-fmab-full-readme-example.json")}. */
    public static String body(String relativePath) {
        try {
            return Files.readString(path(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String relativePath) {
        Path file = directory().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no fixture " + file);
        }
        return file;
    }

    private static Path requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(PROPERTY + " points to " + dir.toAbsolutePath() + ", which is not a folder");
        }
        return dir;
    }
}
