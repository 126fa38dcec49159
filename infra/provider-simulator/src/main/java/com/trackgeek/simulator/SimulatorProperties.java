package com.trackgeek.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings shared by every simulated provider. Each provider binds its own record under
 * {@code simulator.<provider>} so adding one never touches the others.
 *
 * @param fixturesDir        the folder holding recorded provider bodies, one sub-folder per provider;
 *                           relative paths resolve against the working directory (the repository root in
 *                           the standalone run). A String, because Spring would bind a Path through its
 *                           resource loader, which rejects "../".
 * @param requestLogCapacity how many of the newest requests {@link RequestLog} keeps
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(@DefaultValue("../shared/fixtures") String fixturesDir,
                                  @DefaultValue("100000") int requestLogCapacity) {

    public SimulatorProperties {
        if (requestLogCapacity < 1) {
            throw new IllegalArgumentException("simulator.request-log-capacity must be positive: " + requestLogCapacity);
        }
    }

    public Path providerFixtures(String provider) {
        return Path.of(fixturesDir).resolve(provider);
    }
}
