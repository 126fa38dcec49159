package com.trackgeek.api.similar;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that scan parts of a large index beside the request's own thread ({@link ModelIndex}): as many parts
 * as {@code trackgeek.similar.scan-parts} (default: the machine's cores), so a lone request uses every core.
 */
@Component
final class ScanThreads implements DisposableBean {

    private final int parts;
    private final ExecutorService executor;

    ScanThreads(SimilarProperties properties) {
        this.parts = properties.scanParts() > 0 ? properties.scanParts() : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, parts - 1), task -> {
            Thread thread = new Thread(task, "similar-scan-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int parts() {
        return parts;
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
