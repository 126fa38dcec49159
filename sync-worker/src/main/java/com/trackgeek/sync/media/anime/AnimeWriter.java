package com.trackgeek.sync.media.anime;

import com.trackgeek.sync.media.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upserts an anime by MAL id: the first sync inserts, every later one overwrites the provider's fields and
 * keeps {@code created_at}. Replays and redeliveries therefore change nothing twice.
 */
@Component
class AnimeWriter implements ItemWriter<Anime> {

    private static final String UPSERT = """
            insert into anime (mal_id, url, image_url, trailer, title, titles, type, source, number_of_episodes, status,
                               airing, aired_from, aired_to, aired_text, duration, rating, score, scored_by, rank,
                               popularity, members, favorites, synopsis, background, season, year, broadcast,
                               producers, licensors, studios, genres, explicit_genres, themes, demographics, relations,
                               theme, external_links, characters, staff, videos, last_refreshed_at)
            values (:malId, :url, :imageUrl, :trailer::jsonb, :title, :titles::jsonb, :type, :source, :numberOfEpisodes,
                    :status, :airing, :airedFrom, :airedTo, :airedText, :duration, :rating, :score, :scoredBy, :rank,
                    :popularity, :members, :favorites, :synopsis, :background, :season, :year, :broadcast::jsonb,
                    :producers::jsonb, :licensors::jsonb, :studios::jsonb, :genres::jsonb, :explicitGenres::jsonb,
                    :themes::jsonb, :demographics::jsonb, :relations::jsonb, :theme::jsonb, :externalLinks::jsonb,
                    :characters::jsonb, :staff::jsonb, :videos::jsonb, now())
            on conflict (mal_id) do update set
                url = excluded.url, image_url = excluded.image_url, trailer = excluded.trailer, title = excluded.title,
                titles = excluded.titles, type = excluded.type, source = excluded.source,
                number_of_episodes = excluded.number_of_episodes, status = excluded.status, airing = excluded.airing,
                aired_from = excluded.aired_from, aired_to = excluded.aired_to, aired_text = excluded.aired_text,
                duration = excluded.duration, rating = excluded.rating, score = excluded.score,
                scored_by = excluded.scored_by, rank = excluded.rank, popularity = excluded.popularity,
                members = excluded.members, favorites = excluded.favorites, synopsis = excluded.synopsis,
                background = excluded.background, season = excluded.season, year = excluded.year,
                broadcast = excluded.broadcast, producers = excluded.producers, licensors = excluded.licensors,
                studios = excluded.studios, genres = excluded.genres, explicit_genres = excluded.explicit_genres,
                themes = excluded.themes, demographics = excluded.demographics, relations = excluded.relations,
                theme = excluded.theme, external_links = excluded.external_links, characters = excluded.characters,
                staff = excluded.staff, videos = excluded.videos, last_refreshed_at = excluded.last_refreshed_at,
                updated_at = now()
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnimeWriter(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Class<Anime> itemType() {
        return Anime.class;
    }

    @Override
    public void upsert(Anime anime) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("malId", anime.malId());
        row.put("url", anime.url());
        row.put("imageUrl", anime.imageUrl());
        row.put("trailer", jsonOrNull(anime.trailer()));
        row.put("title", anime.title());
        row.put("titles", json.writeValueAsString(anime.titles()));
        row.put("type", anime.type());
        row.put("source", anime.source());
        row.put("numberOfEpisodes", anime.numberOfEpisodes());
        row.put("status", anime.status());
        row.put("airing", anime.airing());
        row.put("airedFrom", anime.airedFrom());
        row.put("airedTo", anime.airedTo());
        row.put("airedText", anime.airedText());
        row.put("duration", anime.duration());
        row.put("rating", anime.rating());
        row.put("score", anime.score());
        row.put("scoredBy", anime.scoredBy());
        row.put("rank", anime.rank());
        row.put("popularity", anime.popularity());
        row.put("members", anime.members());
        row.put("favorites", anime.favorites());
        row.put("synopsis", anime.synopsis());
        row.put("background", anime.background());
        row.put("season", anime.season());
        row.put("year", anime.year());
        row.put("broadcast", jsonOrNull(anime.broadcast()));
        row.put("producers", json.writeValueAsString(anime.producers()));
        row.put("licensors", json.writeValueAsString(anime.licensors()));
        row.put("studios", json.writeValueAsString(anime.studios()));
        row.put("genres", json.writeValueAsString(anime.genres()));
        row.put("explicitGenres", json.writeValueAsString(anime.explicitGenres()));
        row.put("themes", json.writeValueAsString(anime.themes()));
        row.put("demographics", json.writeValueAsString(anime.demographics()));
        row.put("relations", json.writeValueAsString(anime.relations()));
        row.put("theme", jsonOrNull(anime.theme()));
        row.put("externalLinks", json.writeValueAsString(anime.externalLinks()));
        row.put("characters", json.writeValueAsString(anime.characters()));
        row.put("staff", json.writeValueAsString(anime.staff()));
        row.put("videos", jsonOrNull(anime.videos()));
        jdbc.sql(UPSERT).params(row).update();
    }

    private String jsonOrNull(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
