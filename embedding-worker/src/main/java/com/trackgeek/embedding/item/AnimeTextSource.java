package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Embedding texts of anime, from the {@code anime} table the sync worker fills. */
@Component
final class AnimeTextSource implements ItemTextSource {

    private static final String SELECT = """
            select mal_id, title, titles::text as titles, type, genres::text as genres, themes::text as themes,
                   demographics::text as demographics, synopsis
            from anime
            where mal_id = any(?)
            order by mal_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnimeTextSource(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public MediaType type() {
        return MediaType.ANIME;
    }

    @Override
    public Map<Long, EmbeddingText> load(Collection<Long> providerIds, boolean lockRows) {
        if (providerIds.isEmpty()) {
            return Map.of();
        }
        long[] ids = providerIds.stream().mapToLong(Long::longValue).toArray();
        // Ordered, so that concurrent lockers take the row locks in one order and cannot deadlock.
        String sql = lockRows ? SELECT + " for share" : SELECT;
        Map<Long, EmbeddingText> texts = new HashMap<>();
        jdbc.sql(sql).param(ids).query(rs -> {
            texts.put(rs.getLong("mal_id"), fields(rs).toEmbeddingText());
        });
        return texts;
    }

    private AnimeFields fields(ResultSet rs) throws SQLException {
        return new AnimeFields(rs.getString("title"), names(rs.getString("titles"), "title"), rs.getString("type"),
                names(rs.getString("genres"), "name"), names(rs.getString("themes"), "name"),
                names(rs.getString("demographics"), "name"), rs.getString("synopsis"));
    }

    /**
     * The names in a jsonb array: objects' {@code field} (Jikan's titles are {@code {type, title}}, its genres
     * {@code {mal_id, type, name, url}}), falling back to {@code name}/{@code title}, or plain strings. Lenient on
     * purpose: a shape we do not know yields fewer words, not a failed embedding.
     */
    private List<String> names(String jsonArray, String field) {
        List<String> names = new ArrayList<>();
        if (jsonArray == null) {
            return names;
        }
        JsonNode array = json.readTree(jsonArray);
        if (!array.isArray()) {
            return names;
        }
        for (JsonNode element : array.values()) {
            if (element.isString()) {
                names.add(element.stringValue());
            } else if (element.isObject()) {
                JsonNode name = element.path(field);
                if (!name.isString()) {
                    name = element.path("name").isString() ? element.path("name") : element.path("title");
                }
                if (name.isString()) {
                    names.add(name.stringValue());
                }
            }
        }
        return names;
    }
}
