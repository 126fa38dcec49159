package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Tomcat writes an item through a buffer that holds it whole (see {@link TomcatWriteBuffer}). */
class TomcatWriteBufferTest extends ApiIntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theConnectionsWriteBufferIsTheConfiguredSize() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();

        assertThat(tomcat.getConnector().getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(32 * 1024));
    }

    @Test
    void anItemLargerThanTomcatsDefaultBufferArrivesWhole() {
        var key = newAnimeKey();
        worker().storeItem(key, "Fullmetal Alchemist: Brotherhood", java.util.UUID.randomUUID());
        var fromDatabase = get(itemPath(key) + "?wait=1");
        var fromMemory = get(itemPath(key));

        assertThat(fromDatabase.body().length()).as("bigger than Tomcat's default buffer").isGreaterThan(8 * 1024);
        assertThat(fromMemory.body()).isEqualTo(fromDatabase.body());
        assertThat(fromMemory.headers().firstValueAsLong("Content-Length")).hasValue(fromMemory.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
