package com.trackgeek.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixturesTest {

    @Test
    void readsARealProviderBodyFromTheSharedFolder() {
        assertThat(Fixtures.body("jikan/anime-5114-fmab-full-readme-example.json"))
                .contains("\"mal_id\": 5114")
                .contains("Fullmetal Alchemist: Brotherhood");
    }

    @Test
    void aMissingFixtureIsAClearError() {
        assertThatThrownBy(() -> Fixtures.body("jikan/does-not-exist.json")).hasMessageContaining("no fixture");
    }
}
