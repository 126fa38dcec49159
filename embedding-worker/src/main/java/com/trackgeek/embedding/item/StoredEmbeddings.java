package com.trackgeek.embedding.item;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code item_embedding} table: one vector per item and model. */
@Component
final class StoredEmbeddings {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    StoredEmbeddings(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The content hash of each item's stored vector of {@code model}; items without one are absent. */
    Map<MediaKey, String> contentHashes(Collection<MediaKey> items, String model) {
        Map<MediaType, List<Long>> idsByType = new EnumMap<>(MediaType.class);
        items.forEach(item -> idsByType.computeIfAbsent(item.type(), type -> new ArrayList<>()).add(item.id()));
        Map<MediaKey, String> hashes = new HashMap<>();
        idsByType.forEach((type, ids) -> jdbc.sql("""
                        select provider_id, content_hash from item_embedding
                        where media_type = ? and model = ? and provider_id = any(?)""")
                .params(type.name(), model, ids.stream().mapToLong(Long::longValue).toArray())
                .query(rs -> {
                    hashes.put(MediaKey.of(type, rs.getLong("provider_id")), rs.getString("content_hash"));
                }));
        return hashes;
    }

    void save(List<ComputedEmbedding> embeddings, String model) {
        batch.batchUpdate("""
                        insert into item_embedding (media_type, provider_id, model, dimensions, embedding, content_hash, embedded_at)
                        values (?, ?, ?, ?, ?, ?, clock_timestamp())
                        on conflict (media_type, provider_id, model) do update
                            set dimensions = excluded.dimensions, embedding = excluded.embedding,
                                content_hash = excluded.content_hash, embedded_at = excluded.embedded_at""",
                embeddings.stream().map(embedding -> new Object[]{
                        embedding.item().type().name(), embedding.item().id(), model, embedding.vector().length,
                        embedding.vector(), // the PostgreSQL driver sends a float[] as real[]
                        embedding.text().hash()}).toList());
    }
}
