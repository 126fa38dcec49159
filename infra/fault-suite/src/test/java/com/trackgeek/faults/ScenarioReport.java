package com.trackgeek.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One scenario's line of the suite's table, printed and appended to {@code target/fault-suite/report.md}: what was
 * sent, accepted, completed, lost and done twice, and how long the system took to recover.
 */
record ScenarioReport(String scenario, long sent, long accepted, long completed, long lost, long duplicates,
                      long fetchedAgain, Duration recovery, String notes) {

    static final Path FILE = Path.of("target", "fault-suite", "report.md");
    /** The table is this run's: the first scenario of a JVM starts it afresh. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String HEADER = """
            | scenario | sent | accepted | completed | lost | duplicates | fetched again | recovery | notes |
            |---|---:|---:|---:|---:|---:|---:|---:|---|
            """;

    void publish() {
        String line = String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f s | %s |%n", scenario, sent, accepted,
                completed, lost, duplicates, fetchedAgain, recovery.toMillis() / 1000.0, notes);
        System.out.print("FAULT SUITE " + line);
        try {
            Files.createDirectories(FILE.getParent());
            if (STARTED.compareAndSet(false, true)) {
                Files.writeString(FILE, HEADER);
            }
            Files.writeString(FILE, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
