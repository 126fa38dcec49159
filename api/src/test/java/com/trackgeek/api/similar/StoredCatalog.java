package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Items and their vectors written straight into PostgreSQL, as the sync and embedding workers would store them.
 * Vectors of one test lie around a direction of its own in 64 dimensions, so that the items other tests store in
 * the shared database are never among its nearest; titles start with "Qzsim", which no other test searches for.
 */
final class StoredCatalog {

    static final String MODEL = "test-similar:64";
    static final int DIMENSIONS = 64;

    private final JdbcClient jdbc;
    private final Random random = new Random();

    StoredCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void item(MediaKey key, String title) {
        jdbc.sql("""
                        insert into media_item (media_type, provider_id, document, title, last_refreshed_at)
                        values (:type, :id, '{}'::jsonb, :title, now())""")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("title", title)
                .update();
    }

    void delete(MediaKey key) {
        jdbc.sql("delete from media_item where media_type = :type and provider_id = :id")
                .param("type", key.type().name())
                .param("id", key.id())
                .update();
    }

    void vector(MediaKey key, String model, float[] vector) {
        vector(key, model, vector, null);
    }

    /** Stored at {@code embeddedAt}, or at the database's clock when null. */
    void vector(MediaKey key, String model, float[] vector, Instant embeddedAt) {
        StringJoiner literal = new StringJoiner(",", "{", "}");
        for (float value : vector) {
            literal.add(Float.toString(value));
        }
        jdbc.sql("""
                        insert into item_embedding (media_type, provider_id, model, dimensions, embedding, content_hash,
                                                    embedded_at)
                        values (:type, :id, :model, :dimensions, cast(:embedding as real[]), 'test',
                                coalesce(cast(:at as timestamptz), clock_timestamp()))
                        on conflict (media_type, provider_id, model) do update
                            set embedding = excluded.embedding, embedded_at = excluded.embedded_at""")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("model", model)
                .param("dimensions", vector.length)
                .param("embedding", literal.toString())
                .param("at", embeddedAt == null ? null : java.sql.Timestamp.from(embeddedAt))
                .update();
    }

    void deleteModel(String model) {
        jdbc.sql("delete from item_embedding where model = :model").param("model", model).update();
    }

    /** A random direction of its own (unit length). */
    float[] direction() {
        float[] vector = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    /** {@code base} turned towards {@code other} by {@code weight}: the larger the weight, the less similar. */
    static float[] towards(float[] base, float[] other, double weight) {
        float[] vector = new float[base.length];
        for (int i = 0; i < base.length; i++) {
            vector[i] = (float) (base[i] + weight * other[i]);
        }
        return vector;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
