package com.trackgeek.embedding;

import com.trackgeek.contracts.EmbeddingLane;
import com.trackgeek.contracts.EmbeddingRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.MalEntry;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.embedding.model.TextEmbeddingModel;
import com.trackgeek.servicekit.items.MediaItemStore;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The measuring half of {@code infra/benchmarks/embedding.sh} (see its header): the worker's items per second end to
 * end against the raw model's batch embedding of the same texts, in one run. Not a test; started by the script, in a
 * JVM of its own with the flags of the JVM the worker runs in, against the running pipeline's PostgreSQL and Kafka.
 *
 * <pre>java ... com.trackgeek.embedding.EmbeddingThroughputBenchmark jdbcUrl kafkaBootstrap items rounds [workerPrometheusUrl]</pre>
 *
 * <p>Each round:
 * <ol>
 * <li>stores {@code items} new anime with synthetic synopses of a few hundred characters (ids from 60,000,000);</li>
 * <li>worker: publishes one low-lane request per item and waits until every request has an outcome; items per
 *     second = items ÷ (last {@code processed_at} − first send);</li>
 * <li>raw: the model the worker is configured with (same class, same {@code trackgeek.embedding.*} settings read
 *     from {@code embedding-worker.yml} and the environment), loaded here, embeds the same texts (read back from
 *     the stored items, as the worker reads them) in chunks of {@code low-chunk-size}, one after the other;</li>
 * <li>prints both and their ratio.</li>
 * </ol>
 * Then the median ratio of the rounds, and PASS (>= 0.9) or FAIL.
 */
public final class EmbeddingThroughputBenchmark {

    private static final double TARGET = 0.9;
    private static final long FIRST_ID = 60_000_000L;
    /** Marks the lines the script prints; everything else on stdout is the libraries' logging. */
    private static final String RESULT = "RESULT ";

    private EmbeddingThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String kafkaBootstrap = args[1];
        int items = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String workerMetrics = args.length > 4 ? args[4] : null;
        // One connection throughout: a connection per statement made storing a round's items take minutes.
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(jdbcUrl, "postgres", "", true));

        try (var context = new SpringApplicationBuilder(RawModel.class).web(WebApplicationType.NONE)
                .properties("spring.config.name=embedding-worker", "spring.main.banner-mode=off")
                .run()) {
            TextEmbeddingModel model = context.getBean(TextEmbeddingModel.class);
            int chunk = context.getEnvironment().getProperty("trackgeek.embedding.lanes.low-chunk-size", Integer.class, 8);
            List<Double> ratios = new ArrayList<>();
            // Rounds alternate the two measurements, so a change of the machine's load during the run (other
            // processes) falls on both; the median round decides.
            for (int round = 0; round < rounds; round++) {
                List<MediaKey> keys = store(jdbc, FIRST_ID + (long) round * items, items);
                double modelBefore = workerModelSeconds(workerMetrics);
                double worker = workerItemsPerSecond(jdbc, kafkaBootstrap, keys);
                double modelInWorker = workerModelSeconds(workerMetrics) - modelBefore;

                List<String> texts = texts(jdbc, keys);
                long start = System.nanoTime();
                for (int from = 0; from < texts.size(); from += chunk) {
                    model.embedAll(texts.subList(from, Math.min(texts.size(), from + chunk)));
                }
                double raw = texts.size() / ((System.nanoTime() - start) / 1e9);
                ratios.add(worker / raw);
                if (round == 0) {
                    System.out.printf(Locale.ROOT, RESULT + "model %s, %d items a round, %d texts per model call, mean text %d characters%n",
                            model.name(), items, chunk, texts.stream().mapToInt(String::length).sum() / texts.size());
                }
                System.out.printf(Locale.ROOT, RESULT + "round %d: worker end to end %.1f items/s (%.1f s%s), raw model %.1f items/s (%.1f s): ratio %.3f%n",
                        round + 1, worker, items / worker,
                        workerMetrics == null ? "" : String.format(Locale.ROOT, ", model calls %.1f s summed, two at a time", modelInWorker),
                        raw, items / raw, worker / raw);
            }
            double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
            System.out.printf(Locale.ROOT, RESULT + "ratio (median of %d rounds): %.3f (target >= %.1f) %s%n", rounds, median, TARGET,
                    median >= TARGET ? "PASS" : "FAIL");
        }
    }

    /** The model package alone, configured as the worker is: the same class the worker embeds with. */
    @SpringBootConfiguration
    @ComponentScan(basePackages = "com.trackgeek.embedding.model",
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test(\\$.*)?")) // not the tests' configurations
    @ConfigurationPropertiesScan("com.trackgeek.embedding.model")
    static class RawModel {
    }

    private static List<MediaKey> store(JdbcClient jdbc, long firstId, int items) {
        MediaItemStore store = new MediaItemStore(jdbc);
        SplittableRandom random = new SplittableRandom(firstId);
        List<MediaKey> keys = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            MediaKey key = MediaKey.of(MediaType.ANIME, firstId + i);
            store.upsert(anime(key, title(random), pick(random, GENRES), synopsis(random)));
            keys.add(key);
        }
        return keys;
    }

    /** As a full sync stores it, with the fields the embedding text is made of: titles, type, synopsis, genre. */
    private static Anime anime(MediaKey key, String title, String genre, String synopsis) {
        return new Anime(key.id(), null, null, null, title, List.of(new Title("Default", title)), "TV", null, null,
                null, null, null, null, null, null, null, null, null, null, null, synopsis, null, null, null, null,
                null, null, null, List.of(new MalEntry(null, "anime", genre, null)), null, null, null, null, null, null,
                null, null, null);
    }

    private static double workerItemsPerSecond(JdbcClient jdbc, String kafkaBootstrap, List<MediaKey> keys) throws InterruptedException {
        var producers = new DefaultKafkaProducerFactory<String, Object>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap),
                new StringSerializer(), new JacksonJsonSerializer<>(JsonMapper.builder().build()).noTypeInfo());
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(producers);
        UUID[] ids = new UUID[keys.size()];
        Instant start = Instant.now();
        for (int i = 0; i < keys.size(); i++) {
            ids[i] = UUID.randomUUID();
            kafka.send(EmbeddingLane.LOW.topic(), keys.get(i).toString(),
                    EmbeddingRequested.of(ids[i], keys.get(i), EmbeddingLane.LOW, Instant.now()));
        }
        kafka.flush();
        producers.destroy();
        while (jdbc.sql("select count(*) from embedding_request where request_id = any(?) and outcome is not null")
                .param(ids).query(Integer.class).single() < keys.size()) {
            Thread.sleep(100);
        }
        Map<String, Object> outcomes = jdbc.sql("select string_agg(distinct outcome, ',') as outcomes, max(processed_at) as last "
                        + "from embedding_request where request_id = any(?)")
                .param(ids).query().singleRow();
        if (!"embedded".equals(outcomes.get("outcomes"))) {
            throw new IllegalStateException("expected every request embedded, got " + outcomes.get("outcomes"));
        }
        Instant last = ((java.sql.Timestamp) outcomes.get("last")).toInstant();
        return keys.size() / ((last.toEpochMilli() - start.toEpochMilli()) / 1e3);
    }

    /** The worker's time in model calls so far (its trackgeek.embedding.model.duration), from its Prometheus page. */
    private static double workerModelSeconds(String prometheusUrl) throws Exception {
        if (prometheusUrl == null) {
            return 0;
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            String page = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return page.lines().filter(line -> line.startsWith("trackgeek_embedding_model_duration_seconds_sum{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }
    }

    /** The texts as the worker reads them (ItemTexts): each stored item's own description. */
    private static List<String> texts(JdbcClient jdbc, List<MediaKey> keys) {
        var stored = new MediaItemStore(jdbc).load(keys, false);
        return keys.stream().map(key -> stored.get(key).description().toText()).toList();
    }

    private static final List<String> GENRES = List.of("Action", "Adventure", "Comedy", "Drama", "Fantasy", "Mystery",
            "Romance", "Sci-Fi", "Slice of Life", "Sports", "Supernatural", "Suspense");
    private static final List<String> WORDS = List.of("Blade", "Star", "Spirit", "Academy", "Chronicle", "Moon", "Dragon",
            "Garden", "Requiem", "Hunter", "Kingdom", "Memory", "Shadow", "Summer", "Ocean", "Promise");
    private static final List<String> PEOPLE = List.of("a young swordsman", "a retired detective", "two rival pilots",
            "an apprentice witch", "a high-school baseball team", "a wandering cook", "the last heir of a fallen clan",
            "a shy librarian", "a band of sky pirates", "a scientist who cannot forget");
    private static final List<String> PLACES = List.of("a flooded Tokyo", "a mountain village", "a floating city",
            "a boarding school on an island", "the outer colonies", "a small seaside town", "a kingdom at war",
            "an endless desert", "a haunted hospital", "a virtual world");
    private static final List<String> EVENTS = List.of("a mysterious girl falls from the sky", "an old promise resurfaces",
            "a tournament decides the fate of the realm", "the dead begin to return", "a forbidden spell is broken",
            "a letter arrives ten years too late", "the moon starts to fall", "a rival school declares war");
    private static final List<String> GOALS = List.of("to find a missing sister", "to win the national championship",
            "to protect an unlikely friend", "to uncover a conspiracy", "to open a restaurant", "to reach the stars",
            "to break an ancient curse", "to keep a promise made as children");

    private static String title(SplittableRandom random) {
        return pick(random, WORDS) + " " + pick(random, WORDS) + (random.nextInt(3) == 0 ? " " + (2 + random.nextInt(3)) : "");
    }

    /** Three to five sentences, a few hundred characters, like a provider's synopsis. */
    private static String synopsis(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int sentences = 3 + random.nextInt(3);
        for (int i = 0; i < sentences; i++) {
            text.append(switch (i % 3) {
                case 0 -> "In " + pick(random, PLACES) + ", " + pick(random, PEOPLE) + " sets out " + pick(random, GOALS) + ". ";
                case 1 -> "Everything changes when " + pick(random, EVENTS) + ", and " + pick(random, PEOPLE) + " must choose a side. ";
                default -> "Along the way, " + pick(random, PEOPLE) + " learns that " + pick(random, EVENTS) + " was no accident. ";
            });
        }
        return text.toString().trim();
    }

    private static String pick(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
