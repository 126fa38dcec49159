package com.trackgeek.faults;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.ItemEmbedded;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.SyncEvent;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Poison for every topic a service consumes, made from the topic's real message (the contracts' record, written as
 * the services write it) so that the truncated, wrong-version, wrong-type and oversized ones are near misses, not
 * noise. Each record carries its own id in the {@link #ID_HEADER} header (its key may be the poison), by which the
 * scenario finds it on the dead-letter topic. Messages that name an item name movies from {@code firstMovie} on, which
 * nothing else asks for: had a consumer processed one, the simulator's log would show the fetch.
 */
final class PoisonRecords {

    static final String ID_HEADER = "trackgeek-poison-id";
    static final String KIND_HEADER = "trackgeek-poison-kind";
    /** Far beyond the largest message of any kind (a 10,000-id bulk command is under 200 KB), below Kafka's 1 MB. */
    static final int OVERSIZED_BYTES = 400_000;
    /** One record in this many is oversized: enough of them to count, few enough to keep the topics small. */
    private static final int OVERSIZED_EVERY = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PoisonKind[] ROTATION = {PoisonKind.MALFORMED, PoisonKind.TRUNCATED, PoisonKind.WRONG_VERSION,
            PoisonKind.WRONG_TYPES, PoisonKind.EMPTY, PoisonKind.NULL, PoisonKind.BAD_KEY};
    private static final List<byte[]> MALFORMED = List.of(
            bytes("this is not json"),
            bytes("{\"schemaVersion\":1,,}"),
            new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, (byte) 0x28, 0x7f},
            bytes("[1,2,3]"),
            bytes("\"a string\""),
            bytes("null"),
            bytes("{}"),
            bytes("{\"kind\":\"NO_SUCH_KIND\",\"event\":\"NO_SUCH_EVENT\",\"schemaVersion\":1}"),
            bytes("<message schemaVersion=\"1\"/>"),
            bytes("{\"schemaVersion\":1}"));

    private final Random random = new Random(12);
    private final long firstMovie;
    private long nextMovie;

    PoisonRecords(long firstMovie) {
        this.firstMovie = firstMovie;
        this.nextMovie = firstMovie;
    }

    /** The movie ids the poison named so far. */
    List<Long> movies() {
        return java.util.stream.LongStream.range(firstMovie, nextMovie).boxed().toList();
    }

    /** {@code count} poison records for {@code topic}, every {@link PoisonKind} among them. */
    List<ProducerRecord<byte[], byte[]>> forTopic(String topic, int count) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PoisonKind kind = i % OVERSIZED_EVERY == OVERSIZED_EVERY / 2 ? PoisonKind.OVERSIZED : ROTATION[i % ROTATION.length];
            records.add(record(topic, topic + "/" + i, kind, i));
        }
        return records;
    }

    private ProducerRecord<byte[], byte[]> record(String topic, String id, PoisonKind kind, int i) {
        ObjectNode valid = valid(topic);
        byte[] key = bytes(valid.path("item").isObject()
                ? valid.path("item").path("type").asString() + ":" + valid.path("item").path("id").asLong() : UUID.randomUUID().toString());
        byte[] value = switch (kind) {
            case MALFORMED -> MALFORMED.get(i % MALFORMED.size());
            case TRUNCATED -> {
                byte[] whole = bytes(valid.toString());
                yield java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 2));
            }
            case OVERSIZED -> bytes(valid.put("padding", "x".repeat(OVERSIZED_BYTES)).toString());
            case WRONG_VERSION -> bytes(valid.put("schemaVersion", 99).toString());
            case WRONG_TYPES -> bytes(wrongTypes(valid).toString());
            case EMPTY -> new byte[0];
            case NULL -> null;
            case BAD_KEY -> {
                key = switch (i % 4) {
                    case 0 -> null;
                    case 1 -> new byte[0];
                    case 2 -> new byte[]{(byte) 0xc3, (byte) 0x28, (byte) 0xff};
                    default -> bytes("k".repeat(10_000));
                };
                yield i % 2 == 0 ? bytes(valid.put("schemaVersion", 99).toString()) : MALFORMED.get(i % MALFORMED.size());
            }
        };
        var headers = new RecordHeaders();
        headers.add(ID_HEADER, bytes(id));
        headers.add(KIND_HEADER, bytes(kind.name()));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /** Every field of the message given a JSON type its record cannot take. */
    private static ObjectNode wrongTypes(ObjectNode valid) {
        ObjectNode wrong = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : valid.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("kind") || field.getKey().equals("event")) {
                wrong.set(field.getKey(), value); // the kind is right: its fields are what is wrong
            } else if (value.isNumber()) {
                wrong.put(field.getKey(), "not a number");
            } else if (value.isString()) {
                wrong.putObject(field.getKey()).put("not", "a string");
            } else if (value.isObject()) {
                wrong.putArray(field.getKey()).add(1);
            } else {
                wrong.put(field.getKey(), 42);
            }
        }
        return wrong;
    }

    /** A new valid message of the kind {@code topic} carries, as its producer writes it. */
    private ObjectNode valid(String topic) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        LongFunction<MediaKey> movie = ignored -> MediaKey.of(MediaType.MOVIE, nextMovie++);
        Object message = switch (topic) {
            case Topics.SYNC_REQUESTS_INTERACTIVE -> FetchRequested.of(id, movie.apply(0), SyncLane.INTERACTIVE, now);
            case Topics.SYNC_REQUESTS_BULK -> FetchRequested.of(id, movie.apply(0), SyncLane.BULK, now);
            case Topics.BULK_COMMANDS -> BulkSyncRequested.of(id, new BulkSelector.Ids(MediaType.MOVIE, List.of(movie.apply(0).id())), "poison", now);
            case Topics.BULK_WORK -> BulkWork.FetchItems.of(id, MediaType.MOVIE, List.of(movie.apply(0).id()), now);
            case Topics.PROVIDER_SEARCHES -> ProviderSearchRequested.of(id, MediaType.MOVIE, "poison " + id, 1, 20, now);
            case Topics.EMBEDDING_REQUESTS_HIGH -> EmbeddingRequested.of(id, movie.apply(0), EmbeddingLane.HIGH, now);
            case Topics.EMBEDDING_REQUESTS_LOW -> EmbeddingRequested.of(id, movie.apply(0), EmbeddingLane.LOW, now);
            case Topics.SYNC_EVENTS -> ItemSynced.of(id, movie.apply(0), now);
            case Topics.EMBEDDING_EVENTS -> ItemEmbedded.of(id, movie.apply(0), "poison-model", 384, now);
            default -> throw new IllegalArgumentException("no message known for " + topic);
        };
        Class<?> written = switch (message) {
            case SyncRequest ignored -> SyncRequest.class;
            case SyncEvent ignored -> SyncEvent.class;
            case BulkWork ignored -> BulkWork.class;
            default -> message.getClass();
        };
        return (ObjectNode) JSON.readTree(JSON.writerFor(written).writeValueAsString(message));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
