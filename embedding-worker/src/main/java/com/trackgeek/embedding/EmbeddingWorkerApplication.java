package com.trackgeek.embedding;

import com.trackgeek.servicekit.TrackGeekApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Consumes the high and low embedding lanes, computes each item's embedding and completes its sync state.
 * Public because the end-to-end tests and the standalone launcher start it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EmbeddingWorkerApplication {

    public static void main(String[] args) {
        TrackGeekApplications.run(EmbeddingWorkerApplication.class, "embedding-worker", args);
    }
}
