package com.trackgeek.api.security;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With {@code read-scope} set, the API's reads need a key with it too. A setting the shared test deployment does not
 * have, so shown on the security configuration alone (no database, no Kafka), in front of a stand-in read.
 */
@SpringJUnitWebConfig(ReadScopeTest.Deployment.class)
@TestPropertySource(properties = {"trackgeek.api.security.read-scope=items:read",
        "trackgeek.api.security.keys[0].name=reader",
        "trackgeek.api.security.keys[0].hash={sha256}b07e45f48d1365c2c1d5d37264fd3a118b5c19dd5e8c645b7827157801e8e7a7",
        "trackgeek.api.security.keys[0].scopes=items:read",
        "trackgeek.api.security.keys[1].name=writer",
        "trackgeek.api.security.keys[1].hash={sha256}b8559d90920b65ff83fd437d1c6784dba78c045e7fa2efc8e8b393ead41561a0",
        "trackgeek.api.security.keys[1].scopes=bulk-syncs:write"})
class ReadScopeTest {

    /** The keys whose SHA-256 is configured above. */
    private static final String READER_KEY = "reader-key-4e9f0c1d2b3a";
    private static final String WRITER_KEY = "writer-key-7a6b5c4d3e2f";

    @Autowired
    private WebApplicationContext context;

    @Autowired
    private ReadAccess reads;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @Test
    void aReadWithoutAKeyIs401() throws Exception {
        mvc.perform(get("/api/v1/anime/5114"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("API_KEY_MISSING"));
    }

    @Test
    void aReadWithAKeyLackingTheReadScopeIs403() throws Exception {
        mvc.perform(get("/api/v1/anime/5114").header("X-API-Key", WRITER_KEY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("API_KEY_SCOPE_MISSING"))
                .andExpect(jsonPath("$.detail").value(containsString("items:read")));
    }

    @Test
    void aReadWithTheReadScopeIsAnswered() throws Exception {
        mvc.perform(get("/api/v1/anime/5114").header("X-API-Key", READER_KEY)).andExpect(status().isOk());
    }

    @Test
    void healthStaysOpenAndNothingAnswersReadsBeforeTheCheck() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        assertThat(reads.open()).as("CachedItemFilter stands aside").isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableConfigurationProperties({ApiSecurityProperties.class, WebEndpointProperties.class})
    @Import({SecurityConfiguration.class, ApiKeys.class, ReadAccess.class, StandInReads.class})
    static class Deployment {
    }

    @RestController
    static class StandInReads {

        @GetMapping({"/api/v1/anime/5114", "/actuator/health"})
        String read() {
            return "{}";
        }
    }
}
