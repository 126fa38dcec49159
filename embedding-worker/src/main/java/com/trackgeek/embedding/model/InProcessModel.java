package com.trackgeek.embedding.model;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What the in-process models share: a LangChain4j model whose ONNX weights and tokenizer ship inside its Maven
 * artifact (no download at run time), run by ONNX Runtime in this JVM on a pool of our own, loaded and warmed up
 * when the worker starts. A subclass only names the model.
 */
abstract class InProcessModel implements TextEmbeddingModel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessModel.class);

    private final String name;
    private final int dimensions;
    private final ExecutorService executor;
    private final EmbeddingModel model;

    /** @param load builds the LangChain4j model on the executor it is given */
    InProcessModel(String name, int dimensions, int threads, Function<Executor, EmbeddingModel> load) {
        this.name = name;
        this.dimensions = dimensions;
        // Our own bounded pool instead of LangChain4j's default, so the threads are named and stopped with us.
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
        long start = System.nanoTime();
        this.model = load.apply(executor);
        Duration loaded = Duration.ofNanos(System.nanoTime() - start);
        // The first inference pays for ONNX Runtime's graph optimisation; pay it now, not on a person's request.
        long warmStart = System.nanoTime();
        embedAll(List.of("warm-up"));
        log.info("Embedding model {} loaded in {} ms, warmed up in {} ms ({} threads)", name, loaded.toMillis(),
                Duration.ofNanos(System.nanoTime() - warmStart).toMillis(), threads);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int dimensions() {
        return dimensions;
    }

    @Override
    public final List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        // LangChain4j embeds a single text on the caller's thread and only spreads several over the executor:
        // a high-lane request (one text) never queues behind a low-lane chunk there.
        return model.embedAll(texts.stream().map(TextSegment::from).toList())
                .content().stream()
                .map(Embedding::vector)
                .toList();
    }

    @Override
    public final void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "embedding-model-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
