package com.trackgeek.api.media;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.contracts.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParametersTest {

    private static final Duration DEFAULT = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofSeconds(30);

    @ParameterizedTest
    @CsvSource({"PT5S, 5000", "PT0.25S, 250", "5, 5000", "2.5, 2500", "0, 0", "PT0S, 0", "PT1M, 30000",
            "3600, 30000", "P1D, 30000"})
    void aWaitIsIsoOrSecondsAndCappedAtTheMaximum(String text, long millis) {
        assertThat(RequestParameters.wait(text, DEFAULT, MAX)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void noWaitMeansTheDefault() {
        assertThat(RequestParameters.wait(null, DEFAULT, MAX)).isEqualTo(DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1", "PT-1S", "5s", "1,5", "0x10", "1.2345"})
    void anythingElseIsAnInvalidParameter(String text) {
        assertThatThrownBy(() -> RequestParameters.wait(text, DEFAULT, MAX))
                .isInstanceOfSatisfying(ApiException.class,
                        problem -> assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "5114, 5114", "999999999999999999, 999999999999999999"})
    void anIdIsAPositiveInteger(String text, long id) {
        assertThat(RequestParameters.providerId(text)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "007", "1.0", "abc", "1000000000000000000", " 1"})
    void otherIdsAreInvalidParameters(String text) {
        assertThatThrownBy(() -> RequestParameters.providerId(text)).isInstanceOf(ApiException.class);
    }
}
