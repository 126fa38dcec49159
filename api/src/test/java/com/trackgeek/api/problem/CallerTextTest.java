package com.trackgeek.api.problem;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer repeats a caller's short values, and never a long one, which may be a key sent in the wrong place. */
class CallerTextTest {

    private static final String KEY = "aK3x9-Qz_7bLm2Np4Rs6Tu8Vw0Xy1Za3Bc5De7Fg9Hi";

    @Test
    void aShortValueIsQuotedALongOneOnlyMeasured() {
        assertThat(CallerText.quoted("abc")).isEqualTo("'abc'");
        assertThat(CallerText.quoted("P1DT2H3M4.5S")).isEqualTo("'P1DT2H3M4.5S'");
        assertThat(CallerText.quoted(KEY)).isEqualTo("a value of 43 characters");
    }

    @Test
    void theInstanceLeavesOutALongSegmentButKeepsAUuid() {
        assertThat(CallerText.instance("/api/v1/anime/" + KEY + "/refresh")).contains(URI.create("/api/v1/anime/.../refresh"));
        assertThat(CallerText.instance("/api/v1/sync-requests/3f0c6a1e-8a0b-4c55-9d3e-3b2f1d0c9a71"))
                .contains(URI.create("/api/v1/sync-requests/3f0c6a1e-8a0b-4c55-9d3e-3b2f1d0c9a71"));
        assertThat(CallerText.instance("/api/v1/anime/abc")).contains(URI.create("/api/v1/anime/abc"));
        assertThat(CallerText.instance("/api/v1/anime/a b")).isEmpty();
    }

    @Test
    void aFrameworkMessageLosesTheLongWordsItQuotes() {
        assertThat(CallerText.scrub("No static resource api/v1/" + KEY + "/5114."))
                .isEqualTo("No static resource api/v1/.../5114.");
        assertThat(CallerText.scrub("Failed to convert 'id' with value: '" + KEY + "'"))
                .isEqualTo("Failed to convert 'id' with value: ...");
        assertThat(CallerText.scrub("Required parameter 'q' is not present.")).isEqualTo("Required parameter 'q' is not present.");
    }
}
