package com.trackgeek.api;

import com.trackgeek.servicekit.TrackGeekApplications;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The REST API: answers from PostgreSQL (through a small cache), asks the sync workers for what is missing. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApiApplication {

    public static void main(String[] args) {
        TrackGeekApplications.run(ApiApplication.class, "api", args);
    }
}
