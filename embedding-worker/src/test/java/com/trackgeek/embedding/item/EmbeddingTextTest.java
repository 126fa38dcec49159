package com.trackgeek.embedding.item;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingTextTest {

    @Test
    void theHashFollowsTheTextAndOnlyTheText() {
        var text = EmbeddingText.of("Mushishi\nGinko wanders the countryside.");

        assertThat(EmbeddingText.of("Mushishi\nGinko wanders the countryside.").hash()).isEqualTo(text.hash()).hasSize(64);
        assertThat(EmbeddingText.of("Mushishi\nGinko wanders the mountains.").hash()).isNotEqualTo(text.hash());
    }
}
