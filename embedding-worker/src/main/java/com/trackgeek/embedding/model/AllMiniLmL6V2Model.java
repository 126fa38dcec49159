package com.trackgeek.embedding.model;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default model: LangChain4j's quantised all-MiniLM-L6-v2, whose ONNX weights and tokenizer ship inside
 * its Maven artifact, run by ONNX Runtime in this JVM.
 */
final class AllMiniLmL6V2Model implements TextEmbeddingModel, AutoCloseable {

    static final String NAME = "all-minilm-l6-v2-q";
    private static final int DIMENSIONS = 384;
    private static final Logger log = LoggerFactory.getLogger(AllMiniLmL6V2Model.class);

    private final ExecutorService executor;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    AllMiniLmL6V2Model(int threads) {
        // Our own bounded pool instead of LangChain4j's default, so the threads are named and stopped with us.
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
        long start = System.nanoTime();
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        Duration load = Duration.ofNanos(System.nanoTime() - start);
        // The first inference pays for ONNX Runtime's graph optimisation; pay it now, not on a person's request.
        long warmStart = System.nanoTime();
        embedAll(List.of("warm-up"));
        log.info("Embedding model {} loaded in {} ms, warmed up in {} ms ({} threads)", NAME, load.toMillis(),
                Duration.ofNanos(System.nanoTime() - warmStart).toMillis(), threads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
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
    public void close() {
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
