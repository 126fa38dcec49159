package com.trackgeek.api.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "wait=PT5S", "x=%E9%8B%BC", "x=%e9%8b%bc", "q=a+b%20c", "x=%00", "x=%25", "a=1&b=2",
            "x=%F0%9F%98%80", "x=鋼"})
    void textThatDecodesToUtf8IsFine(String raw) {
        assertThat(PercentEncoding.problemIn(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x=%ff", "x=%zz", "x=%", "x=%4", "x=%u0041", "x=%c3%28", "x=%ED%A0%80", "x=%C0%AF",
            "x=%٣٣"})
    void aBadEscapeOrBytesThatAreNotUtf8AreNamed(String raw) {
        assertThat(PercentEncoding.problemIn(raw)).isPresent();
    }
}
