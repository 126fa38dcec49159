package com.trackgeek.embedding.model;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * LangChain4j's quantised bge-small-en-v1.5 (12 layers, 384 dimensions, CLS pooling): twice MiniLM's depth,
 * so slower per text, for neighbours that share a genre or franchise more often (README: Similar titles'
 * quality, {@code infra/benchmarks/quality.sh}). Items are compared with items, so the texts go in as they are: bge's instruction prefix is for
 * short queries against passages only. Preferred to e5-small-v2 (the other small model LangChain4j ships)
 * by the same measurement.
 */
final class BgeSmallEnV15Model extends InProcessModel {

    static final String NAME = "bge-small-en-v15-q";

    BgeSmallEnV15Model(int threads) {
        super(NAME, 384, threads, BgeSmallEnV15QuantizedEmbeddingModel::new);
    }
}
