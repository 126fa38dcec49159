package com.trackgeek.production;

import com.trackgeek.testsupport.DebianPackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Compose command line that can check a Compose file on this machine: Docker's `docker compose` plugin where
 * it exists, else the standalone `docker-compose` (Debian's package 1.29, installed by {@link DebianPackage} when
 * missing). Neither needs a Docker engine to interpolate and validate a file (`config`).
 */
record ComposeTool(List<String> command) {

    /** Why Debian's docker-compose is not there, when it is not. */
    private static volatile String unavailable = "not looked for yet";

    /** A Compose command, or empty with the reason in {@link #unavailableReason()}. */
    static Optional<ComposeTool> find() {
        if (succeeds(List.of("docker", "compose", "version"))) {
            return Optional.of(new ComposeTool(List.of("docker", "compose")));
        }
        if (!succeeds(List.of("docker-compose", "version"))) {
            DebianPackage.ensure("docker-compose", "/usr/bin/docker-compose").ifPresent(reason -> unavailable = reason);
        }
        if (succeeds(List.of("docker-compose", "version"))) {
            return Optional.of(new ComposeTool(List.of("docker-compose")));
        }
        return Optional.empty();
    }

    static String unavailableReason() {
        return "Skipped: neither `docker compose` (Docker's Compose plugin) nor `docker-compose` is installed ("
                + unavailable + "). Install either one to validate infra/production/compose.yaml.";
    }

    /** Runs `config` with these extra arguments and environment variables: exit code and output. */
    Result config(Path composeFile, Map<String, String> environment, String... arguments) {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of("--file", composeFile.toString(), "config"));
        line.addAll(List.of(arguments));
        return run(line, environment);
    }

    record Result(int exitCode, String output) {
    }

    private static boolean succeeds(List<String> line) {
        try {
            return run(line, Map.of()).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false; // not installed
        }
    }

    private static Result run(List<String> line, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("compose", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", line) + " did not finish in 5 minutes");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
