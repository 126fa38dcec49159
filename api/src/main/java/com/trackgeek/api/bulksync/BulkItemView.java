package com.trackgeek.api.bulksync;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One item of a bulk job, as {@code GET /api/v1/bulk-syncs/{id}/items} lists it: which items failed, and why.
 *
 * @param providerId  the item's id at its provider (the job's type says which)
 * @param errorCode   why it failed (a stable code such as {@code PROVIDER_PAYLOAD_INVALID}), or null
 * @param finishedAt  when it got its outcome, null while pending
 */
record BulkItemView(long providerId,
                    @Schema(nullable = true, allowableValues = {"stored", "unchanged", "skipped_fresh", "not_found",
                            "failed", "cancelled"}, description = "what became of it; null while pending")
                    String outcome,
                    String errorCode, String errorDetail, Instant finishedAt) {
}
