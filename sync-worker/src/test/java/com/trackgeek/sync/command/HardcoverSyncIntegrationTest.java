package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.ItemSynced;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncFailed;
import com.trackgeek.contracts.Topics;
import com.trackgeek.sync.SharedSimulator;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.MetadataProviders;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.trackgeek.contracts.MediaType.BOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Books from Hardcover, end to end through the simulated GraphQL endpoint: the recorded book 328491 stored with
 * every listed field, a synthesised one, batches of several ids in one query, and Hardcover's real error bodies.
 * Every Hardcover request goes to one path, so a scripted answer holds for all of them until it is cleared.
 */
@ExtendWith(OutputCaptureExtension.class)
class HardcoverSyncIntegrationTest extends AbstractWorkerIntegrationTest {

    private static final String GRAPHQL = "/hardcover/v1/graphql";
    private static final String HARRY_POTTER = "hardcover/books-by-id-harry-potter-and-the-sorcerers-stone-constructed.json";
    private static final long HARRY_POTTER_ID = 328491;

    @Autowired
    MetadataProviders providers;

    @AfterEach
    void answerAsConfiguredAgain() {
        jikan().script().clear(GRAPHQL);
    }

    @Test
    void theRecordedBookIsStoredWithEveryListedFieldOfItsBody() {
        int before = calls();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(BOOK, HARRY_POTTER_ID))).isInstanceOf(ItemSynced.class);
        }
        assertThat(calls() - before).isEqualTo(1);

        JsonNode hardcover = recordedBook();
        JsonNode book = document(BOOK, HARRY_POTTER_ID).orElseThrow();

        assertThat(book.get("hardcoverId").asLong()).isEqualTo(HARRY_POTTER_ID);
        for (String[] field : new String[][]{{"title", "title"}, {"subtitle", "subtitle"}, {"slug", "slug"},
                {"state", "state"}, {"synopsis", "description"}, {"headline", "headline"},
                {"releaseDate", "release_date"}}) {
            assertThat(text(book, field[0])).as(field[0]).isEqualTo(text(hardcover, field[1]));
        }
        assertThat(book.get("title").asString()).isEqualTo("Harry Potter and the Sorcerer's Stone");
        assertThat(book.get("synopsis").asString()).startsWith("Harry Potter has never been the star of a Quidditch team");
        for (String[] field : new String[][]{{"pages", "pages"}, {"audioSeconds", "audio_seconds"},
                {"releaseYear", "release_year"}, {"categoryId", "book_category_id"},
                {"literaryTypeId", "literary_type_id"}, {"editionsCount", "editions_count"}}) {
            assertThat(book.get(field[0]).asLong()).as(field[0]).isEqualTo(hardcover.get(field[1]).asLong()).isPositive();
        }
        assertThat(book.get("compilation").asBoolean()).isEqualTo(hardcover.get("compilation").asBoolean()).isFalse();
        assertThat(text(book, "canonicalId")).isEqualTo(text(hardcover, "canonical_id"));
        assertThat(strings(book.get("alternativeTitles"))).isEqualTo(strings(hardcover.get("alternative_titles")))
                .containsExactly("Harry Potter and the Philosopher's Stone");
        assertThat(text(book, "imageUrl")).isEqualTo(hardcover.at("/image/url").asString());

        for (String kind : List.of("Audio", "Cover", "Ebook", "Physical")) {
            JsonNode stored = book.get("default" + kind + "Edition");
            JsonNode recorded = hardcover.get("default_" + kind.toLowerCase() + "_edition");
            assertThat(stored.get("id").asLong()).as(kind).isEqualTo(recorded.get("id").asLong());
            for (String[] field : new String[][]{{"isbn13", "isbn_13"}, {"asin", "asin"}, {"format", "edition_format"},
                    {"readingFormatId", "reading_format_id"}, {"pages", "pages"}, {"audioSeconds", "audio_seconds"},
                    {"releaseDate", "release_date"}}) {
                assertThat(text(stored, field[0])).as(kind + " " + field[0]).isEqualTo(text(recorded, field[1]));
            }
            assertThat(text(stored, "imageUrl")).as(kind + " image").isEqualTo(text(recorded.path("image"), "url"));
        }
        assertThat(book.at("/defaultAudioEdition/audioSeconds").asInt()).isEqualTo(29880);

        List<List<String>> editions = new ArrayList<>();
        for (JsonNode edition : book.get("editions")) {
            editions.add(List.of(edition.get("editionId").asString(), edition.get("imageUrl").asString()));
        }
        List<List<String>> recordedEditions = new ArrayList<>();
        for (JsonNode edition : hardcover.get("editions")) {
            recordedEditions.add(List.of(edition.get("id").asString(), edition.at("/image/url").asString()));
        }
        assertThat(editions).isEqualTo(recordedEditions).hasSize(15);

        assertThat(book.at("/featuredSeries/name").asString()).isEqualTo(hardcover.at("/featured_book_series/series/name").asString());
        assertThat(book.at("/featuredSeries/slug").asString()).isEqualTo(hardcover.at("/featured_book_series/series/slug").asString());
        assertThat(book.at("/featuredSeries/position").decimalValue())
                .isEqualByComparingTo(hardcover.at("/featured_book_series/position").decimalValue());
        assertThat(book.get("links").size()).isEqualTo(hardcover.get("links").size());

        var columns = jdbc.sql("""
                        select title, release_year, released_on::text as released_on, release_status,
                               'Harry Potter and the Philosopher''s Stone' = any(alternative_titles) as searchable
                          from media_item where media_type = 'BOOK' and provider_id = :id""")
                .param("id", HARRY_POTTER_ID).query().singleRow();
        assertThat(columns.get("title")).isEqualTo("Harry Potter and the Sorcerer's Stone");
        assertThat(columns.get("release_year")).isEqualTo(1989);
        assertThat(columns.get("released_on")).isEqualTo("1989-09-01");
        assertThat(columns.get("release_status")).isEqualTo("normalized");
        assertThat(columns.get("searchable")).isEqualTo(true);
        assertThat(state(BOOK, HARRY_POTTER_ID)).isEqualTo("pending_embeddings");
    }

    @Test
    void aSynthesisedBookIsStoredAsTheFakeAnswersItForOurDocument() throws IOException {
        long id = newId();
        try (var events = probe(Topics.SYNC_EVENTS)) {
            assertThat(awaitEvent(events, request(BOOK, id))).isInstanceOf(ItemSynced.class);
        }

        JsonNode hardcover = askTheFake(id);
        JsonNode book = document(BOOK, id).orElseThrow();
        assertThat(book.get("hardcoverId").asLong()).isEqualTo(id);
        for (String[] field : new String[][]{{"title", "title"}, {"slug", "slug"}, {"state", "state"},
                {"synopsis", "description"}, {"pages", "pages"}, {"audioSeconds", "audio_seconds"},
                {"releaseDate", "release_date"}, {"releaseYear", "release_year"}, {"literaryTypeId", "literary_type_id"},
                {"editionsCount", "editions_count"}}) {
            assertThat(text(book, field[0])).as(field[0]).isEqualTo(text(hardcover, field[1]));
        }
        assertThat(book.at("/defaultCoverEdition/id").asLong()).isEqualTo(hardcover.at("/default_cover_edition/id").asLong());
        assertThat(book.at("/defaultCoverEdition/isbn13").asString()).isEqualTo(hardcover.at("/default_cover_edition/isbn_13").asString());
        assertThat(book.get("editions").size()).isEqualTo(hardcover.get("editions").size()).isPositive();
        assertThat(text(book, "imageUrl")).isEqualTo(hardcover.at("/image/url").asString());
    }

    @Test
    void aBookHardcoverLeavesOutOfItsAnswerIsNotFoundAfterOneCall() {
        long id = missingId();
        int before = calls();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(BOOK, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.BOOK_NOT_FOUND);
        }
        assertThat(calls() - before).isEqualTo(1);
        assertThat(state(BOOK, id)).isEqualTo("failed");
    }

    @Test
    void severalIdsAreOneQueryAndEachGetsItsOwnOutcome() {
        MetadataProvider hardcover = providers.forType(BOOK).orElseThrow();
        List<Long> ids = List.of(HARRY_POTTER_ID, newId(), missingId(), newId());
        int before = calls();

        List<FetchOutcome> outcomes = hardcover.fetchSeveral(BOOK, ids);

        assertThat(calls() - before).isEqualTo(1);
        assertThat(hardcover.batchSize()).isEqualTo(20);
        assertThat(outcomes).extracting(FetchOutcome::key).containsExactly(
                ids.stream().map(id -> MediaKey.of(BOOK, id)).toArray(MediaKey[]::new));
        assertThat(outcomes).extracting(FetchOutcome::succeeded).containsExactly(true, true, false, true);
        assertThat(outcomes.get(0).item().title()).isEqualTo("Harry Potter and the Sorcerer's Stone");
        assertThat(outcomes.get(2).failure().code()).isEqualTo(ErrorCode.BOOK_NOT_FOUND);
    }

    @Test
    void aBookThatCannotBeReadFailsAloneInItsBatch() {
        MetadataProvider hardcover = providers.forType(BOOK).orElseThrow();
        long good = newId();
        long drifted = newId();
        ObjectNode readable = ((ObjectNode) recordedBook().deepCopy()).put("id", good);
        ObjectNode unreadable = ((ObjectNode) recordedBook().deepCopy()).put("id", drifted).put("pages", "many");
        jikan().script().respondBody(GRAPHQL, 200, json.writeValueAsString(
                Map.of("data", Map.of("books", List.of(unreadable, readable)))));

        List<FetchOutcome> outcomes = hardcover.fetchSeveral(BOOK, List.of(good, drifted));

        assertThat(outcomes.get(0).succeeded()).isTrue();
        assertThat(outcomes.get(0).item().key()).isEqualTo(MediaKey.of(BOOK, good));
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
        assertThat(outcomes.get(1).failure().getMessage()).contains("books[id=" + drifted + "]", "pages");
    }

    @Test
    void anAnswerThatIsNotJsonFailsTheWholeBatchAsAnInvalidPayload() {
        MetadataProvider hardcover = providers.forType(BOOK).orElseThrow();
        jikan().script().respondBody(GRAPHQL, 200, "<html>down for maintenance</html>");

        assertThatThrownBy(() -> hardcover.fetchSeveral(BOOK, List.of(newId(), newId())))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
                    assertThat(failure.getMessage()).contains(GRAPHQL, "not a GraphQL response");
                });
    }

    @Test
    void aBookBodyWithWrongTypesFailsAsAnInvalidPayloadAndStoresNothing() {
        long id = newId();
        ObjectNode drifted = ((ObjectNode) recordedBook().deepCopy()).put("id", id).put("pages", "many");
        jikan().script().respondBody(GRAPHQL, 200, json.writeValueAsString(Map.of("data", Map.of("books", List.of(drifted)))));

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(BOOK, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
            assertThat(failed.detail()).contains(GRAPHQL, "books[id=" + id + "]", "at pages");
        }
        assertThat(document(BOOK, id)).isEmpty();
        assertThat(state(BOOK, id)).isEqualTo("failed");
        assertThat(stateErrorCode(BOOK, id)).isEqualTo("PROVIDER_PAYLOAD_INVALID");
    }

    @Test
    void hardcoversRealUnauthorizedBodiesMeanRejectedCredentialsAndAreNotRetried() {
        for (String body : List.of("hardcover/error-401-constructed.json", "hardcover/error-401-invalid-token-2026-08-constructed.json")) {
            jikan().script().respond(GRAPHQL, 401, body);
            long id = newId();
            int before = calls();

            try (var events = probe(Topics.SYNC_EVENTS)) {
                var failed = (SyncFailed) awaitEvent(events, request(BOOK, id));
                assertThat(failed.code()).as(body).isEqualTo(ErrorCode.HARDCOVER_CREDENTIALS_REJECTED);
                assertThat(failed.detail()).doesNotContain(SharedSimulator.HARDCOVER_TOKEN);
            }
            assertThat(calls() - before).as(body).isEqualTo(1);
            assertThat(document(BOOK, id)).isEmpty();
        }
    }

    @Test
    void hardcoversRealThrottledBodiesAreRetriedThenReportedUnavailable() {
        for (String body : List.of("hardcover/error-429-throttled-constructed.json",
                "hardcover/error-429-too-many-requests-2026-08-constructed.json")) {
            jikan().script().respond(GRAPHQL, 429, body);
            long id = newId();
            int before = calls();

            try (var events = probe(Topics.SYNC_EVENTS)) {
                var failed = (SyncFailed) awaitEvent(events, request(BOOK, id));
                assertThat(failed.code()).as(body).isEqualTo(ErrorCode.HARDCOVER_SERVICE_UNAVAILABLE);
            }
            assertThat(calls() - before).as(body + ": every attempt of the retry settings").isEqualTo(3);
        }
    }

    @Test
    void aGraphQlValidationErrorWithStatus200IsAnInvalidPayloadAndItsMessageIsLogged(CapturedOutput output) {
        jikan().script().respond(GRAPHQL, 200, "hardcover/error-validation-failed-field-not-found.json");
        long id = newId();
        int before = calls();

        try (var events = probe(Topics.SYNC_EVENTS)) {
            var failed = (SyncFailed) awaitEvent(events, request(BOOK, id));
            assertThat(failed.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
            assertThat(failed.detail()).contains("field 'author' not found in type: 'contributions'");
        }
        assertThat(calls() - before).as("not retried: the same query would fail the same way").isEqualTo(1);
        assertThat(document(BOOK, id)).isEmpty();
        assertThat(output.getOut()).contains("POST " + GRAPHQL + " answered a GraphQL error: field 'author' not found",
                "$.selectionSet.books.selectionSet.contributions.selectionSet.author", "validation-failed");
        assertThat(output.getOut()).doesNotContain(SharedSimulator.HARDCOVER_TOKEN);
    }

    private static int calls() {
        return jikan().requests().count(GRAPHQL);
    }

    private JsonNode recordedBook() {
        return json.readTree(Fixtures.body(HARRY_POTTER)).at("/data/books_by_pk");
    }

    /** The fake's answer to our own document for {@code id}, asked outside the worker. */
    private JsonNode askTheFake(long id) throws IOException {
        String document = new ClassPathResource("graphql-documents/hardcoverBooks.graphql").getContentAsString(StandardCharsets.UTF_8);
        String answer = RestClient.create().post().uri(jikan().hardcoverGraphqlUrl())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + SharedSimulator.HARDCOVER_TOKEN)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("query", document, "variables", Map.of("ids", List.of(id)))))
                .retrieve().body(String.class);
        return json.readTree(answer).at("/data/books/0");
    }

    /** A field as text, null when absent or null: comparable across the catalog's and Hardcover's spelling. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
