package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Titles of stored items, read once per answer for the asked item and its candidates together: an item deleted
 * from the catalog has no title here, which is how it drops out of answers although its vector stays in the index.
 * One statement text whatever the number of keys (two arrays, joined on the primary key), so the driver prepares it
 * once per connection and PostgreSQL plans it once.
 */
@Component
final class StoredTitles {

    private final JdbcClient jdbc;

    StoredTitles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<MediaKey, String> titles(Collection<MediaKey> keys) {
        // Array literals: type names and ids need no quoting.
        StringJoiner types = new StringJoiner(",", "{", "}");
        StringJoiner ids = new StringJoiner(",", "{", "}");
        for (MediaKey key : keys) {
            types.add(key.type().name());
            ids.add(Long.toString(key.id()));
        }
        Map<MediaKey, String> titles = new HashMap<>();
        jdbc.sql("""
                        select m.media_type, m.provider_id, m.title
                          from unnest(cast(:types as text[]), cast(:ids as bigint[])) as k(media_type, provider_id)
                          join media_item m on m.media_type = k.media_type and m.provider_id = k.provider_id""")
                .param("types", types.toString())
                .param("ids", ids.toString())
                .query(rs -> {
                    titles.put(MediaKey.of(MediaType.valueOf(rs.getString("media_type")), rs.getLong("provider_id")),
                            rs.getString("title"));
                });
        return titles;
    }
}
