package com.trackgeek.simulator;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every request that reached any provider's gate, those rejected with 429 included: what tests count
 * ("one provider call for 50 concurrent GETs") and time ("never more than 3 a second"), asked of the fake
 * itself rather than of a client's own bookkeeping.
 *
 * <p>A request is logged on arrival, so one still held (a scripted delay, an injected timeout) is already
 * counted. Only the newest {@code simulator.request-log-capacity} requests are kept, so a long load run
 * cannot exhaust memory. Thread-safe; queries copy under a short lock and match outside it.
 */
@Component
public class RequestLog {

    private final Clock clock;
    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    RequestLog(Clock clock, SimulatorProperties properties) {
        this.clock = clock;
        this.capacity = properties.requestLogCapacity();
    }

    /** How many requests had a path matching {@code pathRegex} (the whole path, as {@link ProviderScript} matches). */
    public int count(String pathRegex) {
        return requests(pathRegex).size();
    }

    /** When each request with a matching path arrived, oldest first. */
    public List<Instant> arrivals(String pathRegex) {
        return requests(pathRegex).stream().map(LoggedRequest::arrivedAt).toList();
    }

    /** The requests with a matching path, oldest first, with the status each was answered with. */
    public List<LoggedRequest> requests(String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return snapshot().stream()
                .filter(entry -> pattern.matcher(entry.path).matches())
                .map(Entry::toLoggedRequest)
                .sorted(Comparator.comparing(LoggedRequest::arrivedAt))
                .toList();
    }

    /** Forgets every request logged so far (rate-limit windows are not affected). */
    public synchronized void clear() {
        entries.clear();
    }

    /** Logs a request on its arrival; the gate reports its status through the returned entry. */
    Entry arrived(String path) {
        Entry entry = new Entry(path, clock.instant());
        synchronized (this) {
            if (entries.size() >= capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
        return entry;
    }

    private synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }

    static final class Entry {

        private final String path;
        private final Instant arrivedAt;
        private volatile int status;

        private Entry(String path, Instant arrivedAt) {
            this.path = path;
            this.arrivedAt = arrivedAt;
        }

        void answered(int status) {
            this.status = status;
        }

        private LoggedRequest toLoggedRequest() {
            return new LoggedRequest(path, arrivedAt, status);
        }
    }
}
