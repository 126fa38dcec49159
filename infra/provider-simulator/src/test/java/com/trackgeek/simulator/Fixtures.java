package com.trackgeek.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures folder, which the build passes as the system property {@code trackgeek.fixtures}. */
public final class Fixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {
    }

    public static Path dir() {
        String dir = System.getProperty("trackgeek.fixtures");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("System property trackgeek.fixtures must name the shared fixtures "
                    + "folder (the root pom passes it to surefire); got " + dir);
        }
        return Path.of(dir);
    }

    /** @param relativePath e.g. {@code jikan/error-404-anime-not-found.json} */
    public static JsonNode read(String relativePath) {
        return JSON.readTree(dir().resolve(relativePath));
    }
}
