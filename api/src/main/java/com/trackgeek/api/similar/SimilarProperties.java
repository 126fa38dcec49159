package com.trackgeek.api.similar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Similar titles ({@code GET /api/v1/{type}/{id}/similar}) and the in-memory index behind them.
 *
 * @param catchUpInterval   how often the index loads the vectors stored since its previous read (an event it missed
 *                          still arrives this late at most) and the active model is evaluated again
 * @param catchUpOverlap    how far before the previous read began a catch-up starts: a vector stamped before that
 *                          but committed after it (a transaction still open then) is not skipped
 * @param defaultLimit      neighbours answered without {@code limit}
 * @param maxLimit          the largest {@code limit} accepted; above it 400 INVALID_PARAMETER
 * @param candidatesFactor  the quantised scan keeps {@code limit x factor} candidates, re-ranked exactly in float32;
 *                          more candidates make a quantisation error less likely to change the answer
 * @param fetchSize         rows fetched per round trip when the index is rebuilt (streamed, not one result list)
 * @param scanParts         a scan of a large index is split into this many parts on as many threads (the request's
 *                          own included); 0 means one per core
 */
@ConfigurationProperties("trackgeek.similar")
record SimilarProperties(@DefaultValue("30s") Duration catchUpInterval,
                         @DefaultValue("10s") Duration catchUpOverlap,
                         @DefaultValue("10") int defaultLimit,
                         @DefaultValue("100") int maxLimit,
                         @DefaultValue("4") int candidatesFactor,
                         @DefaultValue("1000") int fetchSize,
                         @DefaultValue("0") int scanParts) {

    SimilarProperties {
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("trackgeek.similar.default-limit must be within 1..max-limit");
        }
        if (candidatesFactor < 1) {
            throw new IllegalArgumentException("trackgeek.similar.candidates-factor must be at least 1");
        }
    }
}
