package com.trackgeek.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program from Debian's packages that a test needs (Prometheus, docker-compose): installed with apt-get when it is
 * missing and the tests run as root, as they do in CI on machines that reach Debian's mirror. Where that is not
 * possible the caller learns why, to skip its test with that reason, never to pass it.
 */
public final class DebianPackage {

    private DebianPackage() {
    }

    /**
     * Makes sure {@code binaries} (absolute paths) are there, installing {@code name} if one is missing.
     *
     * @return empty when every binary is there, else why it could not be installed
     */
    public static synchronized Optional<String> ensure(String name, String... binaries) {
        if (present(binaries)) {
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.of(name + " is not installed and there is no apt-get here to install it: install Debian's '"
                    + name + "' package (or provide " + String.join(", ", binaries) + ") to run this test");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of(name + " is not installed and the tests do not run as root: run 'apt-get install "
                    + name + "' once to run this test");
        }
        String output = install(name);
        if (!present(binaries)) {
            output = run("apt-get", "update") + install(name); // a stale package list, refreshed once
        }
        return present(binaries) ? Optional.empty()
                : Optional.of("Debian's '" + name + "' package could not be installed here:\n" + output);
    }

    private static boolean present(String... binaries) {
        return Arrays.stream(binaries).allMatch(binary -> Files.isExecutable(Path.of(binary)));
    }

    private static String install(String name) {
        return run("apt-get", "install", "-y", "--no-install-recommends", name);
    }

    private static String run(String... command) {
        try {
            var builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return output;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
