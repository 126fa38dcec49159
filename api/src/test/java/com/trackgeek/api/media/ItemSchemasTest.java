package com.trackgeek.api.media;

import com.trackgeek.api.ApiIntegrationTest;
import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description shows each served type's stored shape, derived from its catalog record. */
class ItemSchemasTest extends ApiIntegrationTest {

    private JsonNode description;

    @BeforeEach
    void readDescription() {
        var response = get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        description = json(response);
    }

    @ParameterizedTest
    @EnumSource(value = MediaType.class, names = "BOOK", mode = EnumSource.Mode.EXCLUDE)
    void eachServedTypesSchemaHasEveryFieldOfItsCatalogRecord(MediaType type) {
        Class<?> record = type.catalogType();
        JsonNode schema = schema(record.getSimpleName());

        assertThat(schema.get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(componentNames(record));
    }

    @Test
    void nestedValuesAreDescribedToo() {
        JsonNode episodes = schema("Anime").get("properties").get("numberOfEpisodes");
        assertThat(episodes.get("type").toString()).contains("integer");
        assertThat(schema("Anime").get("properties").get("titles").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/Title");
        assertThat(schema("Title").get("properties").propertyNames()).containsExactlyInAnyOrder("type", "title");
        assertThat(schema("Manga").get("properties").get("authors").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/MalEntry");
    }

    @Test
    void theItemReadAnswersOneOfTheServedTypesFollowedByItsMetadata() {
        JsonNode ok = description.get("paths").get("/api/v1/{type}/{id}").get("get").get("responses").get("200");
        JsonNode body = ok.get("content").get("application/json").get("schema");

        List<String> items = new ArrayList<>();
        body.get("oneOf").forEach(ref -> items.add(ref.get("$ref").asString()));
        assertThat(items).as("the types this test deployment serves: all but books")
                .containsExactlyInAnyOrder("#/components/schemas/AnimeItem", "#/components/schemas/MangaItem",
                        "#/components/schemas/MovieItem", "#/components/schemas/TvShowItem", "#/components/schemas/GameItem");
        List<String> parts = new ArrayList<>();
        schema("MangaItem").get("allOf").forEach(ref -> parts.add(ref.get("$ref").asString()));
        assertThat(parts).containsExactly("#/components/schemas/Manga", "#/components/schemas/ItemMetadata");
        assertThat(schema("ItemMetadata").get("properties").propertyNames())
                .containsExactlyInAnyOrder("lastRefreshedAt", "createdAt", "updatedAt", "sync");
        assertThat(schema("SyncSummary").get("properties").propertyNames())
                .containsExactlyInAnyOrder("status", "lastSyncedAt", "staleAfter", "stale", "gone", "goneAt");
        assertThat(ok.get("headers").propertyNames()).contains("ETag", "X-TrackGeek-Stale", "X-TrackGeek-Gone");
    }

    @Test
    void theConditionalReadIsDocumented() {
        JsonNode get = description.get("paths").get("/api/v1/{type}/{id}").get("get");

        assertThat(get.get("responses").has("304")).isTrue();
        List<String> parameters = new ArrayList<>();
        get.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asString()));
        assertThat(parameters).contains("type", "id", "wait", "If-None-Match");
    }

    private JsonNode schema(String name) {
        JsonNode schema = description.get("components").get("schemas").get(name);
        assertThat(schema).as("schema " + name).isNotNull();
        return schema;
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
