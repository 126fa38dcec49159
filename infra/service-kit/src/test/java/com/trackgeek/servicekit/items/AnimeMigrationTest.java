package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.testsupport.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anime stored by the version before the catalog (one column per field in table {@code anime}) are served
 * unchanged after V3 moved them into {@code media_item}: the body the API built from each column then equals
 * the document the store reads now, plus the same row times.
 */
class AnimeMigrationTest {

    private static final JsonMapper JSON = CatalogJson.mapper();

    /** A row as the old sync worker wrote it: every column, nested values in the record shapes it wrote. */
    private static final String COMPLETE_ROW = """
            insert into anime (mal_id, url, image_url, trailer, title, titles, type, source, number_of_episodes, status,
                               airing, aired_from, aired_to, aired_text, duration, rating, score, scored_by, rank,
                               popularity, members, favorites, synopsis, background, season, year, broadcast,
                               producers, licensors, studios, genres, explicit_genres, themes, demographics, relations,
                               theme, external_links, characters, staff, videos, last_refreshed_at, created_at, updated_at)
            values (5114, 'https://myanimelist.net/anime/5114/Fullmetal_Alchemist__Brotherhood',
                    'https://cdn.myanimelist.net/images/anime/1208/94745l.jpg',
                    '{"youtubeId":"--IcmZkvL0Q","url":"https://www.youtube.com/watch?v=--IcmZkvL0Q","embedUrl":"https://www.youtube.com/embed/--IcmZkvL0Q","imageUrl":"https://img.youtube.com/vi/--IcmZkvL0Q/maxresdefault.jpg"}',
                    'Fullmetal Alchemist: Brotherhood',
                    '[{"type":"Default","title":"Fullmetal Alchemist: Brotherhood"},{"type":"Japanese","title":"鋼の錬金術師 FULLMETAL ALCHEMIST"},{"type":"Synonym","title":"Hagane no Renkinjutsushi: Fullmetal Alchemist"}]',
                    'TV', 'Manga', 64, 'Finished Airing', false, '2009-04-05T00:00:00+00:00', '2010-07-04T00:00:00+00:00',
                    'Apr 5, 2009 to Jul 4, 2010', '24 min per ep', 'R - 17+ (violence & profanity)', 9.10, 2014353, 1, 3,
                    3213447, 223451, 'After a horrific alchemy experiment goes wrong...', 'Based on the manga.',
                    'spring', 2009,
                    '{"day":"Sundays","time":"17:00","timezone":"Asia/Tokyo","text":"Sundays at 17:00 (JST)"}',
                    '[{"malId":17,"type":"anime","name":"Aniplex","url":"https://myanimelist.net/anime/producer/17/Aniplex"}]',
                    '[{"malId":102,"type":"anime","name":"Funimation","url":"https://myanimelist.net/anime/producer/102/Funimation"}]',
                    '[{"malId":4,"type":"anime","name":"Bones","url":"https://myanimelist.net/anime/producer/4/Bones"}]',
                    '[{"malId":1,"type":"anime","name":"Action","url":"https://myanimelist.net/anime/genre/1/Action"}]',
                    '[]',
                    '[{"malId":38,"type":"anime","name":"Military","url":"https://myanimelist.net/anime/genre/38/Military"}]',
                    '[{"malId":27,"type":"anime","name":"Shounen","url":"https://myanimelist.net/anime/genre/27/Shounen"}]',
                    '[{"relation":"Adaptation","entries":[{"malId":25,"type":"manga","name":"Fullmetal Alchemist","url":"https://myanimelist.net/manga/25/Fullmetal_Alchemist"}]}]',
                    '{"openings":["1: \\"Again\\" by YUI"],"endings":["1: \\"Uso\\" by SID"]}',
                    '[{"name":"Official Site","url":"http://www.hagaren.jp/fa/"}]',
                    '[{"malId":11,"name":"Elric, Edward","url":"https://myanimelist.net/character/11/Edward_Elric","imageUrl":"https://cdn.myanimelist.net/images/characters/9/72533.jpg","role":"Main","voiceActors":[{"person":{"malId":84,"name":"Park, Romi","url":"https://myanimelist.net/people/84/Romi_Park","imageUrl":null},"language":"Japanese"}]}]',
                    '[{"person":{"malId":6519,"name":"Irie, Yasuhiro","url":"https://myanimelist.net/people/6519/Yasuhiro_Irie","imageUrl":null},"positions":["Director","Episode Director"]}]',
                    '{"promo":[{"title":"PV 1","trailer":{"youtubeId":"--IcmZkvL0Q","url":null,"embedUrl":null,"imageUrl":null}}],"episodes":[{"malId":1,"title":"Fullmetal Alchemist","episode":"Episode 1","url":"https://myanimelist.net/anime/5114/x/episode/1","imageUrl":null}],"musicVideos":[]}',
                    '2026-11-30T10:15:30.123456+00:00', '2026-11-01T08:00:00.5+00:00', '2026-11-30T10:15:30.123456+00:00')
            """;

    /** An upcoming title: almost everything unknown. */
    private static final String SPARSE_ROW = """
            insert into anime (mal_id, title, last_refreshed_at, created_at, updated_at)
            values (59999, 'An Upcoming Title', '2026-12-01T00:00:00+00:00', '2026-12-01T00:00:00+00:00', '2026-12-01T00:00:00+00:00')
            """;

    @Test
    void animeStoredBeforeTheMigrationAreServedUnchangedAfterIt() throws SQLException {
        var database = FreshDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).target("2").load().migrate();
        var jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
        jdbc.sql(COMPLETE_ROW).update();
        jdbc.sql(SPARSE_ROW).update();
        Map<Long, ObjectNode> servedBefore = Map.of(5114L, servedBefore(jdbc, 5114), 59999L, servedBefore(jdbc, 59999));

        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password()).load().migrate();

        var store = new MediaItemStore(jdbc);
        servedBefore.forEach((malId, before) -> {
            var stored = store.find(MediaKey.of(MediaType.ANIME, malId)).orElseThrow();
            ObjectNode after = JSON.valueToTree(stored.item());
            after.set("lastRefreshedAt", JSON.valueToTree(stored.lastRefreshedAt()));
            after.set("createdAt", JSON.valueToTree(stored.createdAt()));
            after.set("updatedAt", JSON.valueToTree(stored.updatedAt()));
            assertThat(asParsed(after)).as("anime %d", malId).isEqualTo(asParsed(before));
        });
        assertThat(jdbc.sql("select to_regclass('anime') is null").query(Boolean.class).single())
                .as("the old table is gone").isTrue();
        assertThat(jdbc.sql("select release_year from media_item where provider_id = 5114").query(Integer.class).single())
                .isEqualTo(2009);
    }

    /**
     * What the API answered for the row before the catalog, derived from the columns themselves: every column
     * under its camelCase name, jsonb passed through verbatim, aired_from/to/text grouped as {@code aired}.
     */
    private static ObjectNode servedBefore(JdbcClient jdbc, long malId) {
        return jdbc.sql("select * from anime where mal_id = ?").param(malId).query((rs, row) -> columnsAsServed(rs)).single();
    }

    private static ObjectNode columnsAsServed(ResultSet rs) throws SQLException {
        ObjectNode served = JSON.createObjectNode();
        ObjectNode aired = JSON.createObjectNode();
        ResultSetMetaData columns = rs.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            String column = columns.getColumnName(i);
            if (column.equals("id")) {
                continue; // the old surrogate key was never served
            }
            JsonNode value = value(rs, i, columns.getColumnTypeName(i));
            if (column.startsWith("aired_")) {
                aired.set(camelCase(column.substring("aired_".length())), value);
            } else {
                served.set(camelCase(column), value);
            }
        }
        served.set("aired", aired);
        return served;
    }

    private static JsonNode value(ResultSet rs, int column, String sqlType) throws SQLException {
        if (rs.getObject(column) == null) {
            return JSON.nullNode();
        }
        return switch (sqlType) {
            case "jsonb" -> JSON.readTree(rs.getString(column));
            case "timestamptz" -> JSON.valueToTree(rs.getObject(column, OffsetDateTime.class).toInstant());
            case "numeric" -> JSON.valueToTree(rs.getBigDecimal(column));
            default -> JSON.valueToTree(rs.getObject(column));
        };
    }

    /** As a client sees it: parsed from the text (Java's int/long/BigDecimal distinctions gone). */
    private static JsonNode asParsed(JsonNode node) {
        return JSON.readTree(JSON.writeValueAsString(node));
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
