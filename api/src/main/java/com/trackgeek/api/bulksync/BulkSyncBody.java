package com.trackgeek.api.bulksync;

import com.trackgeek.contracts.bulk.BulkSelector;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/**
 * The body of {@code POST /api/v1/bulk-syncs}: the selector's JSON is the one a Kafka producer puts in its
 * {@code BulkSyncRequested}, read by the contracts' own records, so both doors refuse the same selectors.
 *
 * @param id       the job's id, the caller's choice to make a retried POST idempotent; a new one when absent
 * @param selector which items to sync
 */
record BulkSyncBody(
        @Schema(description = "the job's id; posting the same id and selector again starts nothing new. A new id"
                + " when absent", nullable = true, example = "6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71")
        UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = """
                {"kind":"SEASON","type":"ANIME","year":2018,"season":"winter"}""")
        BulkSelector selector) {
}
