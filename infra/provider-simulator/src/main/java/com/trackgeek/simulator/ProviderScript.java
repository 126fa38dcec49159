package com.trackgeek.simulator;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scripted answers for tests, for every simulated provider: "answer this path 500 with the recorded
 * upstream error", "answer that one with a drifted body", "hold this one for two seconds". Tests get the
 * provider's real error bodies (by fixture name) instead of hand-written stubs, from the same fake the
 * standalone run uses.
 *
 * <p>Rules match a Java regex against the whole request path, without the query string (e.g.
 * {@code /jikan/v4/anime/700001/full}); the newest matching rule wins. A provider's gate applies them after
 * its rate limit, so a scripted answer still spends budget like a real one, and a request the limit
 * rejects gets the provider's 429 whatever the script says. Scripted answers skip injected faults.
 *
 * <p>Thread-safe; a change applies to requests arriving after it.
 */
@Component
public class ProviderScript {

    private final Path fixturesDir;
    /** Oldest first; replaced, never changed, so requests read it without locking. */
    private volatile List<ScriptRule> rules = List.of();

    ProviderScript(SimulatorProperties properties) {
        this.fixturesDir = Path.of(properties.fixturesDir());
    }

    /**
     * Answers matching requests with {@code status} and the body of a recorded fixture, as application/json.
     * A scripted 429 carries {@code Retry-After: 1}, as every 429 of a provider's gateway carries one.
     *
     * @param fixture path relative to the fixtures folder, e.g.
     *                {@code jikan/error-500-upstream-exception-anime-full.json}; null for an empty body
     * @throws IllegalArgumentException if the regex does not compile, the status is not an HTTP status or
     *                                  the fixture cannot be read (so a typo fails the test's set-up, not
     *                                  a request)
     */
    public void respond(String pathRegex, int status, String fixture) {
        byte[] body = fixture == null ? new byte[0] : readFixture(fixture);
        add(new ScriptRule.Answer(compile(pathRegex), checkedStatus(status), body));
    }

    /**
     * Answers matching requests with {@code status} and exactly {@code body} (UTF-8, as application/json),
     * for bodies no provider recorded: drifted shapes, malformed JSON.
     *
     * @param body null for an empty body
     */
    public void respondBody(String pathRegex, int status, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        add(new ScriptRule.Answer(compile(pathRegex), checkedStatus(status), bytes));
    }

    /** Holds matching requests for {@code delay}, then answers them as if there were no rule. */
    public void delay(String pathRegex, Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        add(new ScriptRule.Hold(compile(pathRegex), delay));
    }

    /** Removes every rule added with exactly this pattern. */
    public synchronized void clear(String pathRegex) {
        rules = rules.stream().filter(rule -> !rule.path().pattern().equals(pathRegex)).toList();
    }

    /** Removes every rule: each provider answers as configured again. */
    public synchronized void reset() {
        rules = List.of();
    }

    /** The rule for a request path: the newest one that matches. */
    Optional<ScriptRule> ruleFor(String requestPath) {
        List<ScriptRule> current = rules;
        for (int i = current.size() - 1; i >= 0; i--) {
            if (current.get(i).matches(requestPath)) {
                return Optional.of(current.get(i));
            }
        }
        return Optional.empty();
    }

    private synchronized void add(ScriptRule rule) {
        List<ScriptRule> next = new ArrayList<>(rules);
        next.add(rule);
        rules = List.copyOf(next);
    }

    private byte[] readFixture(String fixture) {
        Path file = fixturesDir.resolve(fixture);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read fixture " + fixture + " (looked at "
                    + file.toAbsolutePath().normalize() + "; set simulator.fixtures-dir)",
                    new UncheckedIOException(e));
        }
    }

    private static Pattern compile(String pathRegex) {
        if (pathRegex == null) {
            throw new IllegalArgumentException("pathRegex must not be null");
        }
        return Pattern.compile(pathRegex);
    }

    private static int checkedStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        return status;
    }
}
