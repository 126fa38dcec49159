package com.trackgeek.localstack;

import com.trackgeek.contracts.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) in this JVM, on a fixed port, keeping its
 * logs in a data folder: what the standalone run needs so that a bulk producer can reach it with the usual
 * Kafka tools, and nothing queued is lost when the run is stopped (even with {@code kill -9}: the records
 * are in the OS's page cache and reach the disk without the process) and started again.
 *
 * <p>Tests use {@link EmbeddedKafkaServer} instead: a fresh broker on a free port, nothing kept.
 */
public final class PersistentKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersistentKafkaServer.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private PersistentKafkaServer(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDirectory} on first use (a folder already formatted is reused as it is), starts the
     * node and creates the pipeline's topics that do not exist yet.
     *
     * @param port       the client port, 0 for a free one (the controller always takes a free one of its own)
     * @param partitions partitions of every pipeline topic created now
     */
    public static PersistentKafkaServer start(int port, Path dataDirectory, int partitions) {
        String logDirectory = createDirectories(dataDirectory).toAbsolutePath().toString();
        port = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Properties config = new Properties();
        config.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", Integer.toString(NODE_ID),
                "controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort,
                "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://localhost:" + port,
                "controller.listener.names", "CONTROLLER",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs", logDirectory,
                "auto.create.topics.enable", "false"));
        config.putAll(Map.of(
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        format(logDirectory);
        var server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + port;
        createTopics(bootstrap, partitions);
        log.info("Kafka (KRaft) listening on {}, data in {}", bootstrap, logDirectory);
        return new PersistentKafkaServer(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** A folder formatted before keeps its data and its cluster id: only a new one is formatted. */
    private static void format(String logDirectory) {
        if (Files.exists(Path.of(logDirectory, "meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDirectory)
                    .setMetadataLogDirectory(logDirectory)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setPrintStream(System.out)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka's data folder " + logDirectory, e);
        }
    }

    /**
     * Creates every pipeline topic and its dead-letter topic on the broker at {@code bootstrap} (those that exist
     * are left alone). Also used for a broker in a container (test-support's Testcontainers switch).
     */
    public static void createTopics(String bootstrap, int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, partitions, (short) 1));
            topics.add(new NewTopic(Topics.deadLetter(topic), partitions, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for Kafka's controller", e);
        }
    }
}
