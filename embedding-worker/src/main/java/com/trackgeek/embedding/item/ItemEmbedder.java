package com.trackgeek.embedding.item;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * From received requests to stored vectors and fresh items. Safe to run again on the same requests (a
 * redelivery): the request rows count deliveries, unchanged texts are skipped, vectors are upserted.
 *
 * <p>The model runs outside any transaction (it can take a while); each chunk's results are then written in
 * one transaction that also locks the items' rows and re-checks their text, so an item is only marked
 * fresh with the vector of its current text.
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

    ItemEmbedder(ReceivedRequests requests, ItemTexts texts, StoredEmbeddings embeddings, SyncStates syncStates,
                 TextEmbeddingModel model, TransactionTemplate transaction, EmbeddingMetrics metrics) {
        this.requests = requests;
        this.texts = texts;
        this.embeddings = embeddings;
        this.syncStates = syncStates;
        this.model = model;
        this.transaction = transaction;
        this.metrics = metrics;
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
        transaction.executeWithoutResult(status -> requests.record(batch, lane));

        // A batch may ask for one item several times: it is embedded once and all its requests complete.
        Map<MediaKey, List<UUID>> requestIds = new LinkedHashMap<>();
        batch.forEach(request -> requestIds.computeIfAbsent(request.item(), item -> new ArrayList<>()).add(request.requestId()));

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
        Map<MediaKey, RuntimeException> failures = embedInChunks(changed, requestIds, lane, chunking);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.values().iterator().next();
            log.error("Model {} could not embed {}", model.name(), failures.keySet(), first);
            completeWithoutWork(failures.keySet(), requestIds, lane, Outcome.FAILED, first.toString());
            throw new ItemEmbeddingFailedException(idsOf(failures.keySet(), requestIds), first);
        }
    }

    /** Embeds and stores chunk by chunk; returns the items the model failed on. */
    private Map<MediaKey, RuntimeException> embedInChunks(Map<MediaKey, EmbeddingText> changed, Map<MediaKey, List<UUID>> requestIds,
                                                          EmbeddingLane lane, Chunking chunking) {
        Map<MediaKey, RuntimeException> failures = new LinkedHashMap<>();
        for (List<MediaKey> chunk : chunks(changed.keySet(), chunking.size())) {
            chunking.beforeEachChunk().run();
            List<ComputedEmbedding> computed = compute(chunk, changed, lane, failures);
            if (!computed.isEmpty()) {
                Map<MediaKey, EmbeddingText> chunkTexts = new LinkedHashMap<>();
                computed.forEach(embedding -> chunkTexts.put(embedding.item(), embedding.text()));
                store(chunkTexts, computed, requestIds, lane, Outcome.EMBEDDED);
            }
        }
        return failures;
    }

    /** Computes the chunk in one model call; if that fails, text by text, so one bad text fails alone. */
    private List<ComputedEmbedding> compute(List<MediaKey> chunk, Map<MediaKey, EmbeddingText> textOf, EmbeddingLane lane,
                                            Map<MediaKey, RuntimeException> failures) {
        try {
            return call(chunk, textOf, lane);
        } catch (RuntimeException chunkFailure) {
            if (chunk.size() == 1) {
                failures.put(chunk.getFirst(), chunkFailure);
                return List.of();
            }
            List<ComputedEmbedding> computed = new ArrayList<>();
            for (MediaKey item : chunk) {
                try {
                    computed.addAll(call(List.of(item), textOf, lane));
                } catch (RuntimeException itemFailure) {
                    failures.put(item, itemFailure);
                }
            }
            return computed;
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
