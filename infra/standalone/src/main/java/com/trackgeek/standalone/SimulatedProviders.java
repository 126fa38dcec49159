package com.trackgeek.standalone;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sync-worker settings that point every provider at one provider simulator, with the demonstration credentials
 * it accepts: how the standalone run wires a simulated provider, for anything else that starts workers against the
 * simulator (the fault suite's child JVMs).
 */
public final class SimulatedProviders {

    private SimulatedProviders() {
    }

    public static Map<String, Object> settings(String simulatorUrl) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (StandaloneProvider provider : StandaloneProvider.values()) {
            settings.putAll(provider.simulatedSettings(simulatorUrl));
        }
        return settings;
    }
}
