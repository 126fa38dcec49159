package com.trackgeek.embedding.item;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.embedding.item.ItemEmbeddingFailedException.Failed;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * From received requests to stored vectors and fresh items. Safe to run again on the same requests (a
 * redelivery): the request rows count deliveries, unchanged texts are skipped, vectors are upserted.
 *
 * <p>The model runs outside any transaction (it can take a while); each chunk's results are then written in
 * one transaction that also locks the items' rows and re-checks their text, so an item is only marked
 * fresh with the vector of its current text. After that commit, an {@code ItemEmbedded} event announces each
 * stored vector.
 *
 * <p>A failure carries a code ({@link EmbeddingFailure}): a text the model rejects fails alone, a model-wide
 * failure fails the rest of the batch without further calls; a passing one is left to the lane to retry a few
 * times ({@link RetryProperties}), the others are recorded failed at once.
 */
@Component
public final class ItemEmbedder {

    private static final Logger log = LoggerFactory.getLogger(ItemEmbedder.class);

    private final ReceivedRequests requests;
    private final ItemTexts texts;
    private final StoredEmbeddings embeddings;
    private final SyncStates syncStates;
    private final TextEmbeddingModel model;
    private final TransactionTemplate transaction;
    private final EmbeddingMetrics metrics;
    private final EmbeddedEvents events;
    private final RetryProperties retry;
    /** Stores chunks beside the model's next call (a virtual thread per store). */
    private final Executor storer = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("embedding-store-", 0).factory());
    /**
     * Makes the low lane's model calls, two at a time. Platform threads: an in-process model embeds a one-text call on
     * the calling thread, in native code, which would pin a virtual thread's carrier.
     */
    private final Executor chunkCalls = Executors.newCachedThreadPool(Thread.ofPlatform().name("embedding-chunk-", 0).daemon().factory());

    ItemEmbedder(ReceivedRequests requests, ItemTexts texts, StoredEmbeddings embeddings, SyncStates syncStates,
                 TextEmbeddingModel model, TransactionTemplate transaction, EmbeddingMetrics metrics, EmbeddedEvents events,
                 RetryProperties retry) {
        this.requests = requests;
        this.texts = texts;
        this.embeddings = embeddings;
        this.syncStates = syncStates;
        this.model = model;
        this.transaction = transaction;
        this.metrics = metrics;
        this.events = events;
        this.retry = retry;
    }

    /**
     * Records, embeds (where the text changed) and completes every request of the batch.
     *
     * @throws ItemEmbeddingFailedException after everything else is done, if the model failed on some items
     */
    public void embed(List<EmbeddingRequested> batch, EmbeddingLane lane, Chunking chunking) {
        if (batch.isEmpty()) {
            return;
        }
        metrics.received(lane, batch);
        Map<UUID, ReceivedRequests.Received> received = transaction.execute(status -> {
            requests.record(batch, lane);
            return requests.received(batch.stream().map(EmbeddingRequested::requestId).toList());
        });

        // A batch may ask for one item several times: it is embedded once and all its requests complete.
        Map<MediaKey, List<UUID>> requestIds = new LinkedHashMap<>();
        Map<UUID, Failed> failed = new LinkedHashMap<>();
        for (EmbeddingRequested request : batch) {
            ReceivedRequests.Received record = received.get(request.requestId());
            if (record != null && record.failed()) {
                // Failed for good by an earlier delivery (the rest of a batch comes again after a dead-lettered
                // record): not sent to the model again, only on to the dead-letter topic.
                failed.put(request.requestId(), new Failed(code(record.code()), record.detail(), false));
            } else {
                requestIds.computeIfAbsent(request.item(), item -> new ArrayList<>()).add(request.requestId());
            }
        }

        Map<MediaKey, EmbeddingText> current = texts.load(requestIds.keySet(), false);
        List<MediaKey> missing = requestIds.keySet().stream()
                .filter(item -> !current.containsKey(item)).toList();
        if (!missing.isEmpty()) {
            // Not an error: the request may have overtaken the commit that stores the item, or the item was removed.
            log.info("Not stored (yet), left as they are: {}", missing);
            completeWithoutWork(missing, requestIds, lane, Outcome.ITEM_MISSING, "item not stored");
        }

        Map<MediaKey, String> storedHashes = embeddings.contentHashes(current.keySet(), model.name());
        Map<MediaKey, EmbeddingText> unchanged = new LinkedHashMap<>();
        Map<MediaKey, EmbeddingText> changed = new LinkedHashMap<>(); // in request order: the lane's order
        requestIds.keySet().stream().filter(current::containsKey).forEach(item -> {
            EmbeddingText text = current.get(item);
            (text.hash().equals(storedHashes.get(item)) ? unchanged : changed).put(item, text);
        });

        if (!unchanged.isEmpty()) {
            store(unchanged, List.of(), requestIds, lane, Outcome.SKIPPED_UNCHANGED);
        }
        Map<MediaKey, EmbeddingFailure> failures = embedInChunks(changed, requestIds, lane, chunking);
        if (!failures.isEmpty()) {
            settle(failures, changed, requestIds, received, lane, failed);
        }
        if (!failed.isEmpty()) {
            throw new ItemEmbeddingFailedException(failed);
        }
    }

    /**
     * Decides what becomes of the failed items. A passing failure (rate limited, unavailable) is left for the lane
     * to deliver again until the earliest request it stopped has had its attempts; every other one, and a passing
     * one after the last attempt, is recorded failed: the request with its code, and the item's sync state if it
     * still waits for the embedding of the same text.
     */
    private void settle(Map<MediaKey, EmbeddingFailure> failures, Map<MediaKey, EmbeddingText> failedTexts,
                        Map<MediaKey, List<UUID>> requestIds, Map<UUID, ReceivedRequests.Received> received,
                        EmbeddingLane lane, Map<UUID, Failed> failed) {
        boolean retryAgain = failures.entrySet().stream().filter(entry -> entry.getValue().retryable()).findFirst()
                .map(entry -> deliveries(requestIds.get(entry.getKey()), received) < retry.maxAttempts())
                .orElse(false);
        Map<MediaKey, EmbeddingFailure> finals = new LinkedHashMap<>();
        failures.forEach((item, failure) -> {
            boolean later = retryAgain && failure.retryable();
            if (!later) {
                finals.put(item, failure);
            }
            requestIds.get(item).forEach(id -> failed.put(id, new Failed(failure.code(), failure.detail(), later)));
        });
        if (retryAgain) {
            log.warn("Model {} failed for now, the lane retries later: {}", model.name(),
                    failures.values().stream().filter(EmbeddingFailure::retryable).findFirst().map(EmbeddingFailure::detail).orElseThrow());
        }
        if (finals.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            Map<MediaKey, EmbeddingText> now = texts.load(finals.keySet(), true);
            finals.forEach((item, failure) -> {
                requests.fail(requestIds.get(item), failure.code(), failure.detail());
                if (now.containsKey(item) && now.get(item).hash().equals(failedTexts.get(item).hash())) {
                    syncStates.markFailed(List.of(item), failure.code(), failure.detail());
                }
            });
        });
        metrics.completed(lane, Outcome.FAILED, idsOf(finals.keySet(), requestIds).size());
        finals.values().stream().distinct().forEach(failure -> log.error("Model {} could not embed {}: {}", model.name(),
                finals.entrySet().stream().filter(entry -> entry.getValue().equals(failure)).map(Map.Entry::getKey).toList(),
                failure.detail()));
    }

    /** Embeds and stores chunk by chunk; returns the items the model failed on, in the lane's order. */
    private Map<MediaKey, EmbeddingFailure> embedInChunks(Map<MediaKey, EmbeddingText> changed, Map<MediaKey, List<UUID>> requestIds,
                                                          EmbeddingLane lane, Chunking chunking) {
        Map<MediaKey, EmbeddingFailure> failures = new LinkedHashMap<>();
        List<List<MediaKey>> chunks = chunks(changed.keySet(), chunking.size());
        // With several chunks, two model calls are under way at a time: the model's threads take the next chunk's
        // texts while the current chunk's last text finishes, instead of waiting for it (a call ends when its slowest
        // text does, and any other thread of the process that runs meanwhile lengthens exactly that text), and
        // while the current chunk is handed over. A chunk is stored (and announced) while the model computes the
        // next ones: the writes' and acknowledgements' waits then cost the model nothing. Stores stay in order, one
        // at a time, and all are done before this batch's failures are settled and the listener returns.
        boolean overlap = chunks.size() > 1;
        Deque<CompletableFuture<ChunkResult>> inFlight = new ArrayDeque<>();
        int started = 0;
        EmbeddingFailure modelWide = null;
        CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);
        for (int c = 0; c < chunks.size(); c++) {
            while (modelWide == null && started < chunks.size() && started <= c + (overlap ? 1 : 0)) {
                // The lane's pause point (the low lane gives way to the high lane here) comes before each call.
                chunking.beforeEachChunk().run();
                List<MediaKey> chunk = chunks.get(started++);
                inFlight.add(overlap
                        ? CompletableFuture.supplyAsync(() -> compute(chunk, changed, lane), chunkCalls)
                        : CompletableFuture.completedFuture(compute(chunk, changed, lane)));
            }
            CompletableFuture<ChunkResult> next = inFlight.poll();
            if (next == null) {
                // The model fails whatever it is sent: the rest of the batch is not sent to it.
                EmbeddingFailure notSent = modelWide.notSent();
                chunks.get(c).forEach(item -> failures.put(item, notSent));
                continue;
            }
            ChunkResult result = joined(next);
            failures.putAll(result.failures());
            List<ComputedEmbedding> computed = result.computed();
            if (!computed.isEmpty()) {
                Map<MediaKey, EmbeddingText> chunkTexts = new LinkedHashMap<>();
                computed.forEach(embedding -> chunkTexts.put(embedding.item(), embedding.text()));
                Runnable store = () -> store(chunkTexts, computed, requestIds, lane, Outcome.EMBEDDED);
                if (overlap) {
                    stored = stored.thenRunAsync(store, storer);
                } else {
                    store.run();
                }
            }
            if (modelWide == null) {
                modelWide = result.failures().values().stream().filter(EmbeddingFailure::modelWide).findFirst().orElse(null);
            }
        }
        joined(stored);
        return failures;
    }

    /** A chunk's vectors, and the items of it the model failed on. */
    private record ChunkResult(List<ComputedEmbedding> computed, Map<MediaKey, EmbeddingFailure> failures) {
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            // PostgreSQL or Kafka away: the lane's error handler classifies the cause.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Computes the chunk in one model call. If that fails for one of its texts, text by text, so that one bad text
     * fails alone; a model-wide failure fails the whole chunk at once instead of calling a failing service again.
     */
    private ChunkResult compute(List<MediaKey> chunk, Map<MediaKey, EmbeddingText> textOf, EmbeddingLane lane) {
        Map<MediaKey, EmbeddingFailure> failures = new LinkedHashMap<>();
        try {
            return new ChunkResult(call(chunk, textOf, lane), failures);
        } catch (RuntimeException chunkFailure) {
            EmbeddingFailure failure = EmbeddingFailure.of(chunkFailure);
            if (chunk.size() == 1 || failure.modelWide()) {
                log.warn("Model {} failed on {} text(s)", model.name(), chunk.size(), chunkFailure);
                chunk.forEach(item -> failures.put(item, failure));
                return new ChunkResult(List.of(), failures);
            }
            List<ComputedEmbedding> computed = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                try {
                    computed.addAll(call(List.of(chunk.get(i)), textOf, lane));
                } catch (RuntimeException itemFailure) {
                    log.warn("Model {} failed on the text of {}", model.name(), chunk.get(i), itemFailure);
                    EmbeddingFailure one = EmbeddingFailure.of(itemFailure);
                    failures.put(chunk.get(i), one);
                    if (one.modelWide()) {
                        chunk.subList(i + 1, chunk.size()).forEach(item -> failures.put(item, one.notSent()));
                        break;
                    }
                }
            }
            return new ChunkResult(computed, failures);
        }
    }

    private static int deliveries(List<UUID> requestIds, Map<UUID, ReceivedRequests.Received> received) {
        return requestIds.stream().map(received::get).filter(Objects::nonNull)
                .mapToInt(ReceivedRequests.Received::deliveries).max().orElse(1);
    }

    /** A code recorded by this or another version of the worker; INTERNAL_ERROR for none (recorded before codes) or one unknown here. */
    private static ErrorCode code(String recorded) {
        try {
            return recorded == null ? ErrorCode.INTERNAL_ERROR : ErrorCode.valueOf(recorded);
        } catch (IllegalArgumentException unknown) {
            return ErrorCode.INTERNAL_ERROR;
        }
    }

    private List<ComputedEmbedding> call(List<MediaKey> items, Map<MediaKey, EmbeddingText> textOf, EmbeddingLane lane) {
        List<String> inputs = items.stream().map(item -> textOf.get(item).text()).toList();
        List<float[]> vectors = metrics.modelCall(lane, model.name(), inputs.size(), () -> model.embedAll(inputs));
        if (vectors.size() != inputs.size()) {
            throw new IllegalStateException("model " + model.name() + " returned " + vectors.size() + " vectors for "
                    + inputs.size() + " texts");
        }
        List<ComputedEmbedding> computed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (vectors.get(i).length != model.dimensions()) {
                throw new IllegalStateException("model " + model.name() + " returned " + vectors.get(i).length
                        + " dimensions, expected " + model.dimensions());
            }
            computed.add(new ComputedEmbedding(items.get(i), textOf.get(items.get(i)), vectors.get(i)));
        }
        return computed;
    }

    /**
     * Stores the vectors (if any) and completes the items whose text is still the one they were computed from.
     * An item whose text changed meanwhile keeps its state: the sync that changed it requests a new embedding.
     */
    private void store(Map<MediaKey, EmbeddingText> embeddedTexts, List<ComputedEmbedding> computed,
                       Map<MediaKey, List<UUID>> requestIds, EmbeddingLane lane, Outcome outcome) {
        transaction.executeWithoutResult(status -> {
            Map<MediaKey, EmbeddingText> now = texts.load(embeddedTexts.keySet(), true);
            if (!computed.isEmpty()) {
                embeddings.save(computed, model.name());
            }
            List<MediaKey> stillCurrent = embeddedTexts.keySet().stream()
                    .filter(item -> now.containsKey(item) && now.get(item).hash().equals(embeddedTexts.get(item).hash()))
                    .toList();
            syncStates.markFresh(stillCurrent);
            List<MediaKey> changedMeanwhile = embeddedTexts.keySet().stream().filter(item -> !stillCurrent.contains(item)).toList();
            if (!changedMeanwhile.isEmpty()) {
                log.info("Changed while being embedded, left for their next request: {}", changedMeanwhile);
            }
            requests.complete(idsOf(stillCurrent, requestIds), outcome, null);
            requests.complete(idsOf(changedMeanwhile, requestIds), outcome, "item changed while being embedded");
        });
        metrics.completed(lane, outcome, idsOf(embeddedTexts.keySet(), requestIds).size());
        if (!computed.isEmpty()) {
            events.embedded(computed, requestIds, model.name(), model.dimensions());
        }
        // A line per chunk (one item on the high lane), in the trace of the request that asked for it, if any.
        log.info("Embeddings {} ({} lane): {}", outcome.value(), lane.name().toLowerCase(Locale.ROOT), embeddedTexts.keySet());
    }

    private void completeWithoutWork(Collection<MediaKey> items, Map<MediaKey, List<UUID>> requestIds, EmbeddingLane lane,
                                     Outcome outcome, String detail) {
        List<UUID> ids = idsOf(items, requestIds);
        transaction.executeWithoutResult(status -> requests.complete(ids, outcome, detail));
        metrics.completed(lane, outcome, ids.size());
    }

    private static List<UUID> idsOf(Collection<MediaKey> items, Map<MediaKey, List<UUID>> requestIds) {
        return items.stream().flatMap(item -> requestIds.get(item).stream()).toList();
    }

    private static List<List<MediaKey>> chunks(Collection<MediaKey> items, int size) {
        List<List<MediaKey>> chunks = new ArrayList<>();
        List<MediaKey> chunk = new ArrayList<>();
        for (MediaKey item : items) {
            chunk.add(item);
            if (chunk.size() == size) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
