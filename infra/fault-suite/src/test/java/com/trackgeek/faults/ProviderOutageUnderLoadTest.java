package com.trackgeek.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * A provider outage in the middle of a 2,000-movie bulk job, with people fetching other movies meanwhile
 * ({@link FaultUnderLoad}): TMDB answers 503, then times out, then answers again. Each phase lasts
 * {@code trackgeek.fault-suite.outage} (the 60 s by default; CI may shorten it, see the module's pom).
 */
class ProviderOutageUnderLoadTest {

    private final FaultStack stack = FaultStack.get();

    @Test
    void tmdbAnswers503ThenTimesOut() throws Exception {
        Duration phase = Duration.parse(System.getProperty("trackgeek.fault-suite.outage", "PT60S"));
        new FaultUnderLoad(new ProviderOutage(phase), 350_001).run(stack);
    }
}
