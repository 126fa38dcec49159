package com.trackgeek.sync;

import com.trackgeek.servicekit.TrackGeekApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes sync commands, fetches the item from its provider within the provider's rate limits, stores it,
 * records the sync's outcome and announces it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncWorkerApplication {

    public static final String CONFIG_NAME = "sync-worker";

    public static void main(String[] args) {
        TrackGeekApplications.run(SyncWorkerApplication.class, CONFIG_NAME, args);
    }
}
