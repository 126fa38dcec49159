package com.trackgeek.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Everything the pipeline's JVM prints (every service's log lines, startup banners and exceptions included),
 * kept in a file as well as shown: a test can then search all of it, e.g. for a credential that must never
 * be logged. Logback's console appender writes to whatever {@code System.out} is at the time, so teeing the
 * streams before the services start catches every line they log.
 */
final class ConsoleRecording {

    private final Path file;

    private ConsoleRecording(Path file) {
        this.file = file;
    }

    static ConsoleRecording start(Path file) {
        try {
            Files.createDirectories(file.getParent());
            OutputStream recorded = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            System.setOut(tee(System.out, recorded));
            System.setErr(tee(System.err, recorded));
            return new ConsoleRecording(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the console to " + file, e);
        }
    }

    /** All that was printed so far. */
    String text() {
        System.out.flush();
        System.err.flush();
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }

    private static PrintStream tee(PrintStream shown, OutputStream recorded) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                shown.write(b);
                synchronized (recorded) {
                    recorded.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                shown.write(bytes, offset, length);
                synchronized (recorded) {
                    recorded.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() throws IOException {
                shown.flush();
                synchronized (recorded) {
                    recorded.flush();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
