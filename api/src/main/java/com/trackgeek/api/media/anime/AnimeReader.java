package com.trackgeek.api.media.anime;

import com.trackgeek.api.media.StoredItem;
import com.trackgeek.api.media.StoredItemReader;
import com.trackgeek.api.media.SyncSummary;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Reads a stored anime and its sync state in one query. */
@Component
final class AnimeReader implements StoredItemReader {

    private final JdbcClient jdbc;

    AnimeReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MediaType type() {
        return MediaType.ANIME;
    }

    @Override
    public Optional<StoredItem> find(long malId) {
        return jdbc.sql("""
                        select a.mal_id, a.url, a.image_url, a.trailer, a.title, a.titles, a.type, a.source,
                               a.number_of_episodes, a.status, a.airing, a.aired_from, a.aired_to, a.aired_text,
                               a.duration, a.rating, a.score, a.scored_by, a.rank, a.popularity, a.members,
                               a.favorites, a.synopsis, a.background, a.season, a.year, a.broadcast, a.producers,
                               a.licensors, a.studios, a.genres, a.explicit_genres, a.themes, a.demographics,
                               a.relations, a.theme, a.external_links, a.characters, a.staff, a.videos,
                               a.last_refreshed_at, a.created_at, a.updated_at,
                               s.status as sync_status, s.last_synced_at as sync_last_synced_at
                          from anime a
                          left join sync_state s on s.media_type = 'ANIME' and s.provider_id = a.mal_id
                         where a.mal_id = :malId""")
                .param("malId", malId)
                .query((rs, rowNumber) -> (StoredItem) map(rs))
                .optional();
    }

    private static Anime map(ResultSet rs) throws SQLException {
        return new Anime(
                rs.getLong("mal_id"),
                rs.getString("url"),
                rs.getString("image_url"),
                rs.getString("trailer"),
                rs.getString("title"),
                rs.getString("titles"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getObject("number_of_episodes", Integer.class),
                rs.getString("status"),
                rs.getObject("airing", Boolean.class),
                new Aired(instant(rs, "aired_from"), instant(rs, "aired_to"), rs.getString("aired_text")),
                rs.getString("duration"),
                rs.getString("rating"),
                rs.getBigDecimal("score"),
                rs.getObject("scored_by", Integer.class),
                rs.getObject("rank", Integer.class),
                rs.getObject("popularity", Integer.class),
                rs.getObject("members", Integer.class),
                rs.getObject("favorites", Integer.class),
                rs.getString("synopsis"),
                rs.getString("background"),
                rs.getString("season"),
                rs.getObject("year", Integer.class),
                rs.getString("broadcast"),
                rs.getString("producers"),
                rs.getString("licensors"),
                rs.getString("studios"),
                rs.getString("genres"),
                rs.getString("explicit_genres"),
                rs.getString("themes"),
                rs.getString("demographics"),
                rs.getString("relations"),
                rs.getString("theme"),
                rs.getString("external_links"),
                rs.getString("characters"),
                rs.getString("staff"),
                rs.getString("videos"),
                instant(rs, "last_refreshed_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                new SyncSummary(rs.getString("sync_status"), instant(rs, "sync_last_synced_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
