package com.trackgeek.simulator;

import java.time.Duration;
import java.util.regex.Pattern;

/** One rule of a {@link ProviderScript}: for requests whose whole path matches, answer this or hold this long. */
sealed interface ScriptRule permits ScriptRule.Answer, ScriptRule.Hold {

    Pattern path();

    default boolean matches(String requestPath) {
        return path().matcher(requestPath).matches();
    }

    /** @param body sent as application/json; empty for no body */
    record Answer(Pattern path, int status, byte[] body) implements ScriptRule {
    }

    /** Hold the request, then let it be answered as if there were no rule. */
    record Hold(Pattern path, Duration delay) implements ScriptRule {
    }
}
