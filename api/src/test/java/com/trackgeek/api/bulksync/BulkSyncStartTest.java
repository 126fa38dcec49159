package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Topics;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.SeasonName;
import com.trackgeek.testsupport.SharedInfrastructure;
import com.trackgeek.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/bulk-syncs}: a job is recorded queued and its command published, once per id; a selector
 * the contracts refuse is a 400 that says what is wrong, and starts nothing.
 */
class BulkSyncStartTest extends ApiIntegrationTest {

    private static final String SEASON = """
            {"kind":"SEASON","type":"ANIME","year":2018,"season":"winter"}""";
    private static final String TOP = """
            {"kind":"TOP","type":"MOVIE","list":"popular"}""";

    @Test
    void aBulkSyncIsRecordedQueuedAndItsCommandPublishedWithTheKeysNameAsRequester() {
        UUID id = UUID.randomUUID();
        try (TopicProbe commands = watch(Topics.BULK_COMMANDS)) {
            var response = post(body(id, SEASON));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/bulk-syncs/" + id);
            var view = json(response);
            assertThat(view.get("id").asString()).isEqualTo(id.toString());
            assertThat(view.get("status").asString()).isEqualTo("queued");
            assertThat(view.get("source").asString()).isEqualTo("api");
            assertThat(view.get("requestedBy").asString()).isEqualTo("bulk-operator");
            assertThat(view.get("type").asString()).isEqualTo("ANIME");
            assertThat(view.at("/selector/season").asString()).isEqualTo("winter");
            assertThat(view.get("total").asLong()).isZero();
            assertThat(view.get("totalFinal").asBoolean()).isFalse();
            assertThat(view.get("percentDone").isNull()).isTrue();
            assertThat(view.get("itemsPerMinute").isNull()).as("not started").isTrue();
            assertThat(view.get("estimatedSecondsLeft").isNull()).isTrue();
            assertThat(view.at("/links/items").asString()).isEqualTo("/api/v1/bulk-syncs/" + id + "/items");

            assertThat(jdbc.sql("select status || '/' || source || '/' || requested_by || '/' || media_type"
                            + " from bulk_job where id = :id").param("id", id).query(String.class).single())
                    .isEqualTo("queued/api/bulk-operator/ANIME");

            var record = commands.await(published -> id.toString().equals(published.key()), Duration.ofSeconds(10));
            BulkSyncRequested command = json.readValue(record.value(), BulkSyncRequested.class);
            assertThat(command.jobId()).isEqualTo(id);
            assertThat(command.selector()).isEqualTo(new BulkSelector.Season(MediaType.ANIME, 2018, SeasonName.WINTER));
            assertThat(command.requestedBy()).isEqualTo("bulk-operator");
        }
    }

    @Test
    void withoutAnIdTheJobGetsANewOne() {
        var response = post("{\"selector\":" + TOP + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID id = UUID.fromString(json(response).get("id").asString());
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/bulk-syncs/" + id);
        assertThat(get("/api/v1/bulk-syncs/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void theSameIdAndSelectorAgainAnswersTheJobAndPublishesNoSecondCommand() {
        UUID id = UUID.randomUUID();
        assertThat(post(body(id, TOP)).statusCode()).isEqualTo(202);

        try (TopicProbe commands = watch(Topics.BULK_COMMANDS)) {
            // The same selector, written otherwise: another field order, the list's name in upper case.
            var again = post(body(id, "{\"list\":\" POPULAR\",\"type\":\"MOVIE\",\"kind\":\"TOP\"}"));

            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.headers().firstValue("Location")).isEmpty();
            assertThat(json(again).get("id").asString()).isEqualTo(id.toString());
            assertThat(commands.drain(Duration.ofMillis(800))).as("no second command")
                    .noneMatch(published -> id.toString().equals(published.key()));
        }
    }

    @Test
    void theSameIdWithAnotherSelectorIsAConflictAndChangesNothing() {
        UUID id = UUID.randomUUID();
        assertThat(post(body(id, TOP)).statusCode()).isEqualTo(202);

        try (TopicProbe commands = watch(Topics.BULK_COMMANDS)) {
            var other = post(body(id, SEASON));

            assertProblem(other, 409, "BULK_JOB_ID_CONFLICT");
            assertThat(json(other).get("detail").asString()).contains(id.toString()).contains("popular");
            assertThat(commands.drain(Duration.ofMillis(800))).noneMatch(published -> id.toString().equals(published.key()));
        }
        assertThat(jdbc.sql("select selector ->> 'kind' from bulk_job where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("TOP");
    }

    static Stream<Arguments> refusedBodies() {
        String tooManyIds = LongStream.rangeClosed(1, BulkSelector.MAX_IDS + 1).mapToObj(Long::toString)
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("", "needs a JSON body"),
                Arguments.of("{\"selector\": {\"kind\":", "not valid JSON"),
                Arguments.of("{}", "selector is required"),
                Arguments.of("{\"selector\":null}", "selector is required"),
                Arguments.of("{\"selector\":{\"kind\":\"SEASON\",\"type\":\"MOVIE\",\"year\":2018,\"season\":\"winter\"}}",
                        "selector: a season selector is valid for ANIME only"),
                Arguments.of("{\"selector\":{\"kind\":\"SEASON\",\"type\":\"ANIME\",\"year\":2018,\"season\":\"autumn\"}}",
                        "'autumn' is not one of winter, spring, summer, fall"),
                Arguments.of("{\"selector\":{\"kind\":\"SEASON\",\"type\":\"ANIME\",\"season\":\"fall\"}}",
                        "selector.year is required"),
                Arguments.of("{\"selector\":{\"kind\":\"SEASON\",\"type\":\"ANIME\",\"year\":1800,\"season\":\"fall\"}}",
                        "year must be between 1917 and 2100, was 1800"),
                Arguments.of("{\"selector\":{\"kind\":\"IDS\",\"type\":\"GAME\",\"ids\":\"1942\"}}",
                        "selector.ids: expected a list"),
                Arguments.of("[1, 2]", "The body: expected an object"),
                Arguments.of("{\"selector\":{\"kind\":\"EVERYTHING\",\"type\":\"GAME\"}}",
                        "selector.kind: 'EVERYTHING' is not known; one of SEASON, TOP, IDS, CATALOG"),
                Arguments.of("{\"selector\":{\"type\":\"GAME\"}}", "selector.kind is required"),
                Arguments.of("{\"selector\":{\"kind\":\"CATALOG\",\"type\":\"PODCAST\"}}",
                        "'PODCAST' is not one of ANIME, MANGA, MOVIE, TV_SHOW, GAME, BOOK"),
                Arguments.of("{\"selector\":{\"kind\":\"CATALOG\"}}", "selector: type is required"),
                Arguments.of("{\"selector\":{\"kind\":\"TOP\",\"type\":\"MOVIE\",\"list\":\" \"}}", "needs the list's name"),
                Arguments.of("{\"selector\":{\"kind\":\"IDS\",\"type\":\"GAME\",\"ids\":[]}}", "1 to 10000 ids, had 0"),
                Arguments.of("{\"selector\":{\"kind\":\"IDS\",\"type\":\"GAME\",\"ids\":[12,-3]}}", "ids must be positive"),
                Arguments.of("{\"selector\":{\"kind\":\"IDS\",\"type\":\"BOOK\",\"ids\":[" + tooManyIds + "]}}",
                        "had 10001"),
                Arguments.of("{\"id\":\"not-a-uuid\",\"selector\":" + SEASON + "}", "id: 'not-a-uuid' is not a UUID"));
    }

    @ParameterizedTest
    @MethodSource("refusedBodies")
    void aBodyOrSelectorTheContractsRefuseIsA400SayingWhyAndStartsNothing(String body, String why) {
        long jobsBefore = jobs();
        try (TopicProbe commands = watch(Topics.BULK_COMMANDS)) {
            var response = post(body);

            assertProblem(response, 400, "INVALID_REQUEST");
            assertThat(json(response).get("detail").asString()).contains(why).doesNotContain("com.trackgeek")
                    .doesNotContain("Exception");
            assertThat(commands.drain(Duration.ofMillis(300))).as("no bulk command").isEmpty();
        }
        assertThat(jobs()).as("no job recorded").isEqualTo(jobsBefore);
    }

    @Test
    void theApiDescriptionShowsTheOperationsTheSelectorsAndTheProblems() {
        var api = json(get("/v3/api-docs"));
        var paths = api.get("paths");

        assertThat(paths.get("/api/v1/bulk-syncs").has("post")).isTrue();
        assertThat(paths.get("/api/v1/bulk-syncs").has("get")).isTrue();
        assertThat(paths.get("/api/v1/bulk-syncs/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/v1/bulk-syncs/{id}/items").has("get")).isTrue();
        assertThat(paths.get("/api/v1/bulk-syncs/{id}/cancel").has("post")).isTrue();
        assertThat(paths.get("/api/v1/bulk-syncs/{id}/retry-failed").has("post")).isTrue();
        var post = paths.get("/api/v1/bulk-syncs").get("post");
        assertThat(post.get("security").toString()).contains("apiKey");
        for (String status : new String[]{"400", "401", "403", "409", "503"}) {
            assertThat(post.at("/responses/" + status + "/content").has("application/problem+json")).as(status).isTrue();
        }
        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/BulkSyncBody");
        var schemas = api.at("/components/schemas");
        var selector = schemas.get("BulkSelector");
        assertThat(selector.at("/discriminator/propertyName").asString()).isEqualTo("kind");
        assertThat(selector.at("/discriminator/mapping/SEASON").asString()).isEqualTo("#/components/schemas/Season");
        assertThat(selector.at("/discriminator/mapping/TOP").asString()).isEqualTo("#/components/schemas/TopList");
        assertThat(selector.at("/properties/kind/enum").toString()).contains("IDS").contains("CATALOG");
        assertThat(schemas.at("/Season/description").asString()).contains("ANIME only");
        assertThat(schemas.get("Season").toString()).contains("winter").contains("year");
        assertThat(schemas.get("Ids").toString()).contains("ids");
        assertThat(schemas.at("/ProblemDetail/properties/code/enum").toString()).contains("BULK_JOB_ID_CONFLICT");
        assertThat(schemas.at("/BulkJobView/properties").has("estimatedSecondsLeft")).isTrue();
    }

    private long jobs() {
        return jdbc.sql("select count(*) from bulk_job").query(Long.class).single();
    }

    private static String body(UUID id, String selector) {
        return "{\"id\":\"" + id + "\",\"selector\":" + selector + "}";
    }

    private HttpResponse<String> post(String body) {
        return send(HttpRequest.newBuilder(uri("/api/v1/bulk-syncs"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", BULK_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static TopicProbe watch(String topic) {
        return TopicProbe.openAtEnd(SharedInfrastructure.kafka().bootstrapServers(), topic);
    }
}
