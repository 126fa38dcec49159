package com.trackgeek.api.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How Tomcat writes answers to a connection.
 *
 * @param writeBuffer each connection's socket write buffer: an answer larger than it takes several socket
 *                    writes (FMA:B's body is 16 KB; Tomcat's default buffer is 8 KB). Memory cost: this
 *                    much per open connection.
 */
@ConfigurationProperties("trackgeek.api.connection")
record ConnectionProperties(@DefaultValue("32KB") DataSize writeBuffer) {
}
