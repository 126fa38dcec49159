package com.trackgeek.pipeline;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.testsupport.SharedInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stored items that have a vector of a model, read with plain JDBC from {@code media_item} and
 * {@code item_embedding}: the quality figures judge what the pipeline really stored.
 */
final class EmbeddedItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EmbeddedItems() {
    }

    /** How many of the items ({@code ANIME:20}, ...) have a vector of {@code model}. */
    static int count(String model, Collection<String> keys) {
        return of(model, keys).size();
    }

    /** The items among {@code keys} ({@code ANIME:20}, ...) that have a vector of {@code model}. */
    static List<EmbeddedItem> of(String model, Collection<String> keys) {
        var postgres = SharedInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             var statement = connection.prepareStatement("""
                     select m.media_type, m.provider_id, m.title, m.document::text, e.embedding
                       from media_item m
                       join item_embedding e on e.media_type = m.media_type and e.provider_id = m.provider_id
                      where e.model = ? and m.media_type || ':' || m.provider_id = any(?)
                      order by m.media_type, m.provider_id""")) {
            statement.setString(1, model);
            statement.setArray(2, connection.createArrayOf("text", keys.toArray()));
            var rows = statement.executeQuery();
            List<EmbeddedItem> items = new ArrayList<>();
            while (rows.next()) {
                JsonNode document = JSON.readTree(rows.getString(4));
                Float[] vector = (Float[]) rows.getArray(5).getArray();
                float[] values = new float[vector.length];
                for (int i = 0; i < vector.length; i++) {
                    values[i] = vector[i];
                }
                items.add(new EmbeddedItem(rows.getString(1) + ":" + rows.getLong(2), rows.getString(3),
                        Set.copyOf(document.path("genres").findValuesAsString("name")), related(document), values));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the anime and manga that the document's relations name. */
    private static Set<String> related(JsonNode document) {
        Set<String> keys = new HashSet<>();
        document.path("relations").forEach(relation -> relation.path("entries").forEach(entry -> {
            String type = entry.path("type").asString().toUpperCase(Locale.ROOT);
            if (type.equals(MediaType.ANIME.name()) || type.equals(MediaType.MANGA.name())) {
                keys.add(type + ":" + entry.path("malId").asLong());
            }
        }));
        return keys;
    }
}
