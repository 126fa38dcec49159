package com.trackgeek.api.search;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The summaries of a provider's hits, read from the stored items: the worker stored every hit (partial, or
 * full if it was already) before it answered, so what a page shows of a hit is what the database holds now,
 * a full fetch's data included once it has arrived.
 */
@Component
final class ProviderHitSummaries {

    private final JdbcClient jdbc;

    ProviderHitSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<MediaKey, SearchResults.Hit> load(Collection<MediaKey> keys) {
        Map<MediaKey, SearchResults.Hit> hits = new HashMap<>();
        if (keys.isEmpty()) {
            return hits;
        }
        jdbc.sql("""
                        select i.media_type, i.provider_id, i.title, i.alternative_titles, i.release_year, i.image_url,
                               i.release_status, i.partial, s.status as sync_status, s.last_synced_at
                          from unnest(cast(:types as text[]), cast(:ids as bigint[])) as k(media_type, provider_id)
                          join media_item i on i.media_type = k.media_type and i.provider_id = k.provider_id
                          left join sync_state s on s.media_type = i.media_type and s.provider_id = i.provider_id""")
                .param("types", keys.stream().map(key -> key.type().name()).toArray(String[]::new))
                .param("ids", keys.stream().mapToLong(MediaKey::id).toArray())
                .query(rs -> {
                    MediaKey key = MediaKey.of(MediaType.valueOf(rs.getString("media_type")), rs.getLong("provider_id"));
                    Array alternatives = rs.getArray("alternative_titles");
                    OffsetDateTime synced = rs.getObject("last_synced_at", OffsetDateTime.class);
                    hits.put(key, new SearchResults.Hit(key.id(), key.type().pathSegment(), rs.getString("title"),
                            alternatives == null ? List.of() : Arrays.asList((String[]) alternatives.getArray()),
                            rs.getObject("release_year", Integer.class), rs.getString("image_url"),
                            rs.getString("release_status"),
                            new SearchResults.Sync(rs.getString("sync_status"), synced == null ? null : synced.toInstant(),
                                    rs.getBoolean("partial")),
                            SearchResults.FROM_PROVIDER));
                });
        return hits;
    }
}
