package com.trackgeek.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, with this JVM's java binary and test class path, so that a test can end it
 * the way a machine does: {@link #killNine()} is a real {@code kill -9} (no shutdown hook, no transaction finished, no
 * offset committed after it), while everything else the test runs goes on. An in-process Spring context can only be
 * closed, which finishes its work politely; a crash is what the delivery guarantees are about.
 *
 * <p>Its console goes to a file of its own, kept for reading when a test fails. It ends itself (an orderly exit) when
 * the JVM that started it ends, however that ended: a test JVM that surefire kills, or one killed by hand, leaves no
 * service running behind it.
 */
public final class ChildJvm implements AutoCloseable {

    /** What {@link Process#waitFor()} reports for a process ended by SIGKILL (128 + 9). */
    public static final int KILLED_BY_SIGKILL = 137;
    /** The exit status of a child whose parent ended first. */
    static final int PARENT_GONE = 3;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param log       the console file (created, or appended to: a restarted process continues its file)
     * @param jvmFlags  e.g. {@code -Xmx512m}
     * @param arguments the main class's arguments
     */
    public static ChildJvm start(Path log, List<String> jvmFlags, String mainClass, List<String> arguments) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            // Surefire's own class path property: java.class.path may be its manifest-only booter jar.
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmFlags);
            command.addAll(List.of("-cp", classpath, ChildJvm.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildJvm(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The child's own entry point: {@code parentPid mainClass arguments...}. Watches the parent, then runs
     * {@code mainClass}'s {@code main} with the arguments.
     */
    public static void main(String[] args) throws Throwable {
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(PARENT_GONE)),
                () -> System.exit(PARENT_GONE));
        try {
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** SIGKILL, then waits for the process to be gone; returns its exit status ({@link #KILLED_BY_SIGKILL}). */
    public int killNine() {
        process.destroyForcibly();
        return exitStatus();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return log;
    }

    /** Everything the process wrote to its console so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, the way a deployment stops a replica (graceful shutdown); SIGKILL if it has not stopped in 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        exitStatus();
    }

    private int exitStatus() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port free right now, for a child that must be told its port before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
