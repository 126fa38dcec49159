package com.trackgeek.embedding.model.hosted;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.embedding.model.TextEmbeddingModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A hosted model behind the worker's seam, whichever the provider: texts split into batches of the configured
 * size, each batch one request of the provider's client through this model's own budget and retries, every
 * answer checked for the configured dimensions. The stored model name carries provider, model and dimensions
 * ({@code gemini:gemini-embedding-001:768}), so vectors of another model or size are never compared with these.
 */
public final class HostedEmbeddingModel implements TextEmbeddingModel {

    private final String name;
    private final int dimensions;
    private final int batchSize;
    private final HostedCalls calls;
    private final Function<List<String>, List<float[]>> oneRequest;

    /** @param oneRequest the provider's client: one HTTP request for one batch, vectors in the texts' order */
    public HostedEmbeddingModel(String provider, String model, int dimensions, int batchSize, HostedCalls calls,
                                Function<List<String>, List<float[]>> oneRequest) {
        this.name = provider + ":" + model + ":" + dimensions;
        this.dimensions = dimensions;
        this.batchSize = batchSize;
        this.calls = calls;
        this.oneRequest = oneRequest;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (List<String> batch : HostedHttp.batches(texts, batchSize)) {
            for (float[] vector : calls.call(() -> oneRequest.apply(batch))) {
                if (vector.length != dimensions) {
                    throw new HostedModelException(ErrorCode.PROVIDER_PAYLOAD_INVALID, false, null,
                            "expected " + dimensions + " values, got " + vector.length, null);
                }
                vectors.add(vector);
            }
        }
        return vectors;
    }

    @Override
    public String toString() {
        return "HostedEmbeddingModel[" + name + ", batches of " + batchSize + "]";
    }
}
