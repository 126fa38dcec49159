package com.trackgeek.simulator.hardcover;

import com.trackgeek.simulator.Fixtures;
import com.trackgeek.simulator.MutableClock;
import com.trackgeek.simulator.SimulatorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Hardcover GraphQL endpoint, with a limit of 3 a minute and one accepted token. */
@SimulatorTest
@TestPropertySource(properties = {
        "simulator.hardcover.per-minute=3",
        "simulator.hardcover.token=Bearer the-token",
        "simulator.hardcover.not-found-above-id=4000000"})
class HardcoverGraphqlTest {

    private static final String HARRY_POTTER = "hardcover/books-by-id-harry-potter-and-the-sorcerers-stone-constructed.json";
    private static final String SOME_FIELDS = """
            # comments are not fields
            query Books($ids: [Int!]!) {
              books(where: {id: {_in: $ids}}) { id title pages release_date editions(limit: 30) { id image { url } } }
            }""";
    private static final String EVERY_FIELD = """
            query Books($ids: [Int!]!) {
              books(where: {id: {_in: $ids}}) {
                id title subtitle alternative_titles slug state description headline pages audio_seconds release_date
                release_year book_category_id literary_type_id compilation image { url }
                default_audio_edition { id } default_cover_edition { id } default_ebook_edition { id }
                default_physical_edition { id } editions(limit: 30) { id image { url } }
                featured_book_series { position series { name slug } } links canonical_id editions_count
              }
            }""";

    private final MockMvcTester mvc;
    private final JsonMapper json;
    private final MutableClock clock;

    @Autowired
    HardcoverGraphqlTest(MockMvcTester mvc, JsonMapper json, MutableClock clock) {
        this.mvc = mvc;
        this.json = json;
        this.clock = clock;
    }

    @BeforeEach
    void anEmptyMinute() {
        clock.advance(Duration.ofMinutes(2));
    }

    @Test
    void knownBooksAreAnsweredWithTheFieldsTheQueryNamesAndUnknownIdsAreLeftOut() {
        MockHttpServletResponse response = post("Bearer the-token", SOME_FIELDS, List.of(328491, 4000001, 12345));

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode books = body(response).at("/data/books");
        assertThat(books.size()).as("4000001 is above the bound: absent, as Hasura filters").isEqualTo(2);
        JsonNode recorded = Fixtures.read(HARRY_POTTER).at("/data/books_by_pk");
        JsonNode harry = books.get(0);
        assertThat(names(harry)).containsExactlyInAnyOrder("id", "title", "pages", "release_date", "editions");
        for (String field : List.of("id", "title", "pages", "release_date", "editions")) {
            assertThat(harry.get(field)).as(field).isEqualTo(recorded.get(field));
        }
        assertThat(books.get(1).get("id").asLong()).isEqualTo(12345);
        assertThat(books.get(1).get("editions").isArray()).isTrue();
    }

    @Test
    void synthesisedBooksHaveEveryFieldAreStableAndTakeTheirTitleFromARecordedShelf() {
        JsonNode first = body(post("the-token", EVERY_FIELD, List.of(386725))).at("/data/books/0");
        JsonNode again = body(post("the-token", EVERY_FIELD, List.of(386725))).at("/data/books/0");

        assertThat(again).isEqualTo(first);
        assertThat(first.get("title").asString()).isEqualTo("Shakespeare: The World as Stage");
        assertThat(first.get("slug").asString()).isEqualTo("shakespeare-the-world-as-stage");
        assertThat(names(first)).containsExactlyInAnyOrderElementsOf(names(
                json.readTree(json.writeValueAsString(Fixtures.read(HARRY_POTTER).at("/data/books_by_pk")))).stream()
                .filter(name -> EVERY_FIELD.contains(name)).toList());
        assertThat(first.get("pages").isInt()).isTrue();
        assertThat(first.at("/default_cover_edition/id").canConvertToLong()).isTrue();
    }

    @Test
    void theSearchDocumentAnswersBooksWhoseTitleMatchesCaseInsensitivelyWithTheFieldsItNames() {
        String search = """
                query HardcoverBookSearch($pattern: String!, $limit: Int!, $offset: Int!) {
                  books(where: {title: {_ilike: $pattern}}, limit: $limit, offset: $offset,
                        order_by: [{users_count: desc}, {id: asc}]) { id title release_year image { url } }
                }""";
        JsonNode answer = body(search("the-token", search, "%sorcerer's STONE%", 10, 0));
        JsonNode harry = answer.at("/data/books");
        assertThat(harry.isArray()).as(answer.toString()).isTrue();
        assertThat(harry.size()).isEqualTo(1);
        assertThat(harry.get(0).get("id").asLong()).isEqualTo(328491);
        assertThat(names(harry.get(0))).containsExactlyInAnyOrder("id", "title", "release_year", "image");

        JsonNode silent = body(search("the-token", search, "%silent%", 5, 0)).at("/data/books");
        assertThat(silent.size()).as("synthesised books are searched too").isEqualTo(5);
        List<Long> next = new ArrayList<>();
        body(search("the-token", search, "%silent%", 5, 5)).at("/data/books").forEach(book -> next.add(book.get("id").asLong()));
        assertThat(next).hasSize(5);
        for (JsonNode book : silent) {
            assertThat(book.get("title").asString()).containsIgnoringCase("silent");
            clock.advance(Duration.ofMinutes(2));
            JsonNode fetched = body(post("the-token", EVERY_FIELD, List.of(book.get("id").asInt()))).at("/data/books/0");
            assertThat(fetched.get("title")).as("a hit is the book fetched by id").isEqualTo(book.get("title"));
            assertThat(next).as("the next page follows").doesNotContain(book.get("id").asLong());
        }
        assertThat(body(search("the-token", search, "%no such book anywhere%", 5, 0)).at("/data/books").isEmpty()).isTrue();
        assertThat(body(search("the-token", search, "100\\%", 5, 0)).at("/data/books").isEmpty())
                .as("an escaped % is a literal").isTrue();
        assertThat(search("wrong", search, "%a%", 5, 0).getStatus()).isEqualTo(401);
    }

    @Test
    void booksTrendingAnswersPagesOfIdsOfBooksServedById() {
        String trending = """
                query HardcoverTrending($from: date!, $to: date!, $limit: Int!, $offset: Int!) {
                  books_trending(from: $from, to: $to, limit: $limit, offset: $offset) { ids error }
                }""";

        JsonNode first = body(trending(trending, "2026-11-03", 25, 0)).at("/data/books_trending");
        JsonNode second = body(trending(trending, "2026-11-03", 25, 25)).at("/data/books_trending");

        assertThat(first.get("error").isNull()).isTrue();
        assertThat(first.get("ids")).hasSize(25);
        assertThat(first.get("ids").get(0).asLong()).as("the recorded book first").isEqualTo(328491);
        List<Long> ids = new ArrayList<>();
        first.get("ids").forEach(id -> ids.add(id.asLong()));
        second.get("ids").forEach(id -> ids.add(id.asLong()));
        assertThat(ids).hasSize(50).doesNotHaveDuplicates();
        clock.advance(Duration.ofMinutes(2));
        JsonNode last = body(post("the-token", SOME_FIELDS, List.of(ids.getLast().intValue()))).at("/data/books");
        assertThat(last.get(0).get("id").asLong()).as("a trending id is a book served by id").isEqualTo(ids.getLast());
        assertThat(body(trending(trending, "2026-11-03", 25, 300)).at("/data/books_trending/ids").isEmpty()).isTrue();
        assertThat(body(trending(trending, "last month", 25, 0)).at("/errors/0/extensions/code").asString())
                .isEqualTo("validation-failed");
    }

    @Test
    void aMissingOrWrongTokenIsHardcoversOwn401() {
        JsonNode invalidToken = Fixtures.read("hardcover/error-401-invalid-token-2026-08-constructed.json");

        for (String authorization : new String[]{null, "", "Bearer another-token"}) {
            MockHttpServletResponse refused = post(authorization, SOME_FIELDS, List.of(1));
            assertThat(refused.getStatus()).as(authorization).isEqualTo(401);
            assertThat(body(refused)).isEqualTo(invalidToken);
        }
    }

    @Test
    void aDocumentThatIsNotAQueryOnBooksIsHasurasValidationErrorWithStatus200() {
        JsonNode recorded = Fixtures.read("hardcover/error-validation-failed-field-not-found.json");

        MockHttpServletResponse wrongRoot = post("the-token", "query { editions(limit: 1) { id } }", List.of(1));
        MockHttpServletResponse mutation = post("the-token", "mutation M { books(where: {}) { id } }", List.of(1));

        assertThat(wrongRoot.getStatus()).isEqualTo(200);
        JsonNode error = body(wrongRoot);
        assertThat(names(error)).containsExactlyElementsOf(names(recorded));
        assertThat(names(error.at("/errors/0"))).containsExactlyInAnyOrderElementsOf(names(recorded.at("/errors/0")));
        assertThat(error.at("/errors/0/message").asString()).isEqualTo("field 'editions' not found in type: 'query_root'");
        assertThat(error.at("/errors/0/extensions/code").asString()).isEqualTo(recorded.at("/errors/0/extensions/code").asString());
        assertThat(error.at("/errors/0/extensions/path").asString()).isEqualTo("$.selectionSet.editions");
        assertThat(mutation.getStatus()).isEqualTo(200);
        assertThat(body(mutation).at("/errors/0/message").asString()).isEqualTo("field 'books' not found in type: 'mutation_root'");
    }

    @Test
    void theFourthRequestOfAMinuteIsHardcoversOwn429WithRetryAfter() {
        JsonNode recorded = Fixtures.read("hardcover/error-429-too-many-requests-2026-08-constructed.json");
        for (int i = 0; i < 3; i++) {
            assertThat(post("the-token", SOME_FIELDS, List.of(1)).getStatus()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(10));
        }

        MockHttpServletResponse throttled = post("the-token", SOME_FIELDS, List.of(1));

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isEqualTo("30");
        JsonNode body = body(throttled);
        assertThat(names(body)).containsExactlyElementsOf(names(recorded));
        assertThat(body.get("error")).isEqualTo(recorded.get("error"));
        assertThat(body.get("message").asString()).isEqualTo("Rate limit exceeded, retry after 30 seconds");
        clock.advance(Duration.ofSeconds(30));
        assertThat(post("the-token", SOME_FIELDS, List.of(1)).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse post(String authorization, String document, List<Integer> ids) {
        var request = mvc.post().uri("/hardcover/v1/graphql").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("query", document, "variables", Map.of("ids", ids))));
        if (authorization != null) {
            request = request.header("authorization", authorization);
        }
        return request.exchange().getResponse();
    }

    private MockHttpServletResponse search(String authorization, String document, String pattern, int limit, int offset) {
        clock.advance(Duration.ofMinutes(2)); // this test sends more than the 3 a minute of this context
        return mvc.post().uri("/hardcover/v1/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("authorization", authorization)
                .content(json.writeValueAsString(Map.of("query", document,
                        "variables", Map.of("pattern", pattern, "limit", limit, "offset", offset))))
                .exchange().getResponse();
    }

    private MockHttpServletResponse trending(String document, String from, int limit, int offset) {
        clock.advance(Duration.ofMinutes(2));
        return mvc.post().uri("/hardcover/v1/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("authorization", "the-token")
                .content(json.writeValueAsString(Map.of("query", document,
                        "variables", Map.of("from", from, "to", "2026-12-03", "limit", limit, "offset", offset))))
                .exchange().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) {
        try {
            return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
