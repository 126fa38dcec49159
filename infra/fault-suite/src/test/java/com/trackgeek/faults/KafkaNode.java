package com.trackgeek.faults;

import com.trackgeek.localstack.PersistentKafkaServer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Kafka in a JVM of its own, so that a scenario can restart the broker (or kill it) while every service keeps
 * running: the standalone run's single KRaft node, on a fixed port and a data folder that survives the restart.
 *
 * <pre>java ... com.trackgeek.faults.KafkaNode port dataDirectory partitions</pre>
 */
public final class KafkaNode {

    /** Printed once the node serves clients and the pipeline's topics exist. */
    static final String READY = "KAFKA NODE READY";

    private KafkaNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        var server = PersistentKafkaServer.start(Integer.parseInt(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kafka-node-shutdown"));
        System.out.println(READY);
        new CountDownLatch(1).await();
    }
}
