package com.trackgeek.embedding.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which embedding model the worker uses.
 *
 * @param provider {@value BgeSmallEnV15Model#NAME} (the default), the quantised bge-small-en-v1.5 that runs
 *                 in-process from its Maven artifact (384 dimensions, no network), chosen by the similar-titles
 *                 quality figure (README: Similar titles' quality); {@value AllMiniLmL6V2Model#NAME}, the quantised
 *                 all-MiniLM-L6-v2, in-process too (384 dimensions, half the layers: about twice as fast per
 *                 text, neighbours that share a genre less often); {@code gemini} (Google's Gemini API, settings
 *                 under {@code trackgeek.embedding.model.gemini}) or {@code openai} (any OpenAI-compatible
 *                 {@code /v1/embeddings}, settings under {@code trackgeek.embedding.model.openai})
 * @param threads  in-process models: threads that embed the texts of one low-lane chunk in parallel; 0 means
 *                 one per CPU
 */
@ConfigurationProperties("trackgeek.embedding.model")
record ModelProperties(
        @DefaultValue(BgeSmallEnV15Model.NAME) String provider,
        @DefaultValue("0") int threads) {

    int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
