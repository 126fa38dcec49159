package com.trackgeek.embedding.model;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The default model: LangChain4j's quantised all-MiniLM-L6-v2 (6 layers, 384 dimensions), the smallest and
 * fastest of the in-process models.
 */
final class AllMiniLmL6V2Model extends InProcessModel {

    static final String NAME = "all-minilm-l6-v2-q";

    AllMiniLmL6V2Model(int threads) {
        super(NAME, 384, threads, AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }
}
