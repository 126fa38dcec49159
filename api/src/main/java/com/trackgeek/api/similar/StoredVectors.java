package com.trackgeek.api.similar;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads vectors from {@code item_embedding}, the one place they live. A model's whole set is streamed (a cursor
 * fetching {@code fetch-size} rows at a time inside a read-only transaction, which PostgreSQL's driver needs for
 * a cursor), never gathered in one list: 100,000 vectors of 384 floats would be half a gigabyte of boxed values.
 */
@Component
final class StoredVectors {

    private static final String COLUMNS = "select model, media_type, provider_id, embedding, embedded_at from item_embedding";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final SimilarProperties properties;

    StoredVectors(JdbcClient jdbc, PlatformTransactionManager transactions, SimilarProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
    }

    /** Every stored vector, model by model; returns how many were read. */
    long streamAll(Consumer<StoredVector> sink) {
        return stream(COLUMNS, sink);
    }

    /** The vectors of one model stored at or after {@code since} (all of them without one). */
    long streamModel(String model, Instant since, Consumer<StoredVector> sink) {
        return since == null
                ? stream(COLUMNS + " where model = :model", model, null, sink)
                : stream(COLUMNS + " where model = :model and embedded_at >= :since", model, since, sink);
    }

    private long stream(String sql, Consumer<StoredVector> sink) {
        return stream(sql, null, null, sink);
    }

    private long stream(String sql, String model, Instant since, Consumer<StoredVector> sink) {
        long[] count = {0};
        readOnly.executeWithoutResult(status -> {
            var statement = jdbc.sql(sql).withFetchSize(properties.fetchSize());
            if (model != null) {
                statement = statement.param("model", model);
            }
            if (since != null) {
                statement = statement.param("since", Timestamp.from(since));
            }
            statement.query((ResultSet rs) -> {
                sink.accept(row(rs));
                count[0]++;
            });
        });
        return count[0];
    }

    /** PostgreSQL's clock, the one that stamps {@code embedded_at}. */
    Instant now() {
        return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    /** One item's vector of one model, as an event announces it. */
    Optional<StoredVector> find(MediaKey key, String model) {
        return jdbc.sql(COLUMNS + " where media_type = :type and provider_id = :id and model = :model")
                .param("type", key.type().name())
                .param("id", key.id())
                .param("model", model)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static StoredVector row(ResultSet rs) throws SQLException {
        MediaKey key = MediaKey.of(MediaType.valueOf(rs.getString("media_type")), rs.getLong("provider_id"));
        return new StoredVector(rs.getString("model"), key, floats(rs.getArray("embedding")),
                rs.getTimestamp("embedded_at").toInstant());
    }

    private static float[] floats(Array array) throws SQLException {
        Object values = array.getArray();
        if (values instanceof float[] primitive) {
            return primitive;
        }
        Float[] boxed = (Float[]) values;
        float[] vector = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            vector[i] = boxed[i];
        }
        return vector;
    }
}
