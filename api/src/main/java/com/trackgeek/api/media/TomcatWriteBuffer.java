package com.trackgeek.api.media;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Sizes Tomcat's per-connection write buffer so that an item goes out in one socket write. Measured on the
 * cached read of a 16 KB anime: with Tomcat's 8 KB buffer, the copies and system calls of the extra writes
 * cost about a tenth of the CPU time of the whole request. Spring Boot has no property for it.
 */
@Component
final class TomcatWriteBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ConnectionProperties properties;

    TomcatWriteBuffer(ConnectionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String bytes = Long.toString(properties.writeBuffer().toBytes());
        factory.addConnectorCustomizers(connector -> {
            if (!connector.setProperty("socket.appWriteBufSize", bytes)) {
                throw new IllegalStateException("Tomcat's connector has no socket.appWriteBufSize to set");
            }
        });
    }
}
