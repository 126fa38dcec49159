package com.trackgeek.api.media;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IfNoneMatchTest {

    private static final String CURRENT = "\"abc\"";

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "*", "W/\"abc\"", "\"x\", \"abc\"", "\"x\",\"abc\"", " \"x\" ,\tW/\"abc\" ",
            "\"a,b\", \"abc\""})
    void theCurrentTagAnyTagOrAListHoldingItMatch(String field) {
        assertThat(IfNoneMatch.matches(field, CURRENT)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"abcd\"", "\"ab\"", "abc", "\"x\", abc", "W/abc", "\"abc", "W\"abc\"", "\"\"",
            "\"a,\"abc\"\""})
    void anythingElseDoesNot(String field) {
        assertThat(IfNoneMatch.matches(field, CURRENT)).isFalse();
    }
}
