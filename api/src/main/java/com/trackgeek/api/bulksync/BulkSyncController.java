package com.trackgeek.api.bulksync;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.CallerText;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/bulk-syncs}: start a bulk sync, watch its progress, list jobs and a job's items, cancel one,
 * replay its failed items. Writes need an API key with {@code bulk-syncs:write} (the security configuration checks
 * it before routing); the key's name is recorded as who asked.
 */
@RestController
@Tag(name = "Bulk syncs", description = "Sync a season, a top list, a list of ids or a catalog, under the providers'"
        + " shared budget, behind the people who wait for single items")
final class BulkSyncController {

    private static final String PROBLEM = "application/problem+json";
    private static final String JOB_ID = "the job's id, a UUID";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int DEFAULT_JOBS = 20;
    private static final int DEFAULT_ITEMS = 100;

    private final BulkSyncs bulkSyncs;
    private final int maxPageSize;

    BulkSyncController(BulkSyncs bulkSyncs, BulkSyncProperties properties) {
        this.bulkSyncs = bulkSyncs;
        this.maxPageSize = properties.maxPageSize();
    }

    @Operation(summary = "Start a bulk sync", description = "Records the job (queued) and publishes its"
            + " BulkSyncRequested on trackgeek.bulk-commands, the command a Kafka producer would send. The selector"
            + " is the command's: SEASON (ANIME only), TOP, IDS (1 to 10000 ids) or CATALOG. Posting an id that"
            + " exists with the same selector answers the job (200) and starts nothing; with another selector, 409.")
    @ApiResponse(responseCode = "202", description = "Started; Location is the job")
    @ApiResponse(responseCode = "200", description = "A job with this id and selector exists already: nothing new runs")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: the body is not JSON, or the selector is"
            + " missing or refused (the detail says which field and why)", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "401", description = "API_KEY_MISSING or API_KEY_INVALID", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "API_KEY_SCOPE_MISSING: the key lacks bulk-syncs:write",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "BULK_JOB_ID_CONFLICT: the id names a job with another selector",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "TOO_MANY_REQUESTS: the key's write limit; QUOTA_EXCEEDED: the"
            + " key's quota of requests that spend provider budget (a new job costs one); see Retry-After",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "PIPELINE_UNAVAILABLE: Kafka did not take the command; nothing"
            + " was recorded", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(value = ApiPaths.BULK_SYNCS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BulkJobView> start(@RequestBody BulkSyncBody body, Principal principal) {
        if (body.selector() == null) {
            throw ApiException.of(ErrorCode.INVALID_REQUEST, "selector is required, e.g. {\"kind\":\"SEASON\","
                    + "\"type\":\"ANIME\",\"year\":2018,\"season\":\"winter\"}.");
        }
        BulkSyncs.Started started = bulkSyncs.start(body.id(), body.selector(),
                principal == null ? null : principal.getName());
        if (!started.created()) {
            return ResponseEntity.ok(started.view());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(ApiPaths.bulkSync(started.view().id()))
                .body(started.view());
    }

    @Operation(summary = "A bulk job's progress", description = "Counts per outcome, items per minute over the last"
            + " 5 minutes, the estimated time left, provider calls per fetched item.")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: the id is not a UUID", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "BULK_JOB_NOT_FOUND", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(value = ApiPaths.BULK_SYNCS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    BulkJobView get(@Parameter(description = JOB_ID) @PathVariable String id) {
        UUID jobId = jobId(id);
        return bulkSyncs.describe(jobId).orElseThrow(() ->
                ApiException.of(ErrorCode.BULK_JOB_NOT_FOUND, "No bulk job has the id " + jobId + "."));
    }

    @Operation(summary = "List bulk jobs, newest first")
    @ApiResponse(responseCode = "200", description = "One page of jobs")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: an unknown status, a bad page or size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(value = ApiPaths.BULK_SYNCS, produces = MediaType.APPLICATION_JSON_VALUE)
    BulkJobList list(@Parameter(description = "only jobs in this status: queued, expanding, running, done,"
                             + " cancelled or failed") @RequestParam(required = false) String status,
                     @Parameter(description = "page number, from 0 (default 0)") @RequestParam(required = false) String page,
                     @Parameter(description = "jobs per page, 1 to max-page-size (default 20, max 100)")
                     @RequestParam(required = false) String size) {
        return bulkSyncs.list(status(status), Paging.of(page, size, DEFAULT_JOBS, maxPageSize));
    }

    @Operation(summary = "A bulk job's items", description = "In the order the job listed them; with"
            + " outcome=failed, which items failed and why.")
    @ApiResponse(responseCode = "200", description = "One page of the job's items")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: an unknown outcome, a bad page or size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "BULK_JOB_NOT_FOUND", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(value = ApiPaths.BULK_SYNCS + "/{id}/items", produces = MediaType.APPLICATION_JSON_VALUE)
    BulkItemList items(@Parameter(description = JOB_ID) @PathVariable String id,
                       @Parameter(description = "only items with this outcome: stored, unchanged, skipped_fresh,"
                               + " not_found, failed, cancelled, or pending (none yet)")
                       @RequestParam(required = false) String outcome,
                       @Parameter(description = "page number, from 0 (default 0)") @RequestParam(required = false) String page,
                       @Parameter(description = "items per page, 1 to max-page-size (default and max 100)")
                       @RequestParam(required = false) String size) {
        return bulkSyncs.items(jobId(id), ItemFilter.of(outcome), Paging.of(page, size, DEFAULT_ITEMS, maxPageSize));
    }

    @Operation(summary = "Cancel a bulk job", description = "The job and its pending items end cancelled; items"
            + " being fetched right now finish. Cancelling a cancelled job answers it as it is.")
    @ApiResponse(responseCode = "200", description = "The cancelled job")
    @ApiResponse(responseCode = "404", description = "BULK_JOB_NOT_FOUND", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "BULK_JOB_STATE_CONFLICT: the job is done or failed already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(value = ApiPaths.BULK_SYNCS + "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    BulkJobView cancel(@Parameter(description = JOB_ID) @PathVariable String id) {
        return bulkSyncs.cancel(jobId(id));
    }

    @Operation(summary = "Replay a bulk job's failed items", description = "Allowed while the job is running or"
            + " once it is done, when it has failed items: raises its replayRound, sets it running and publishes a"
            + " BulkWork.ReplayFailed on trackgeek.bulk-work; the failed items become pending and are fetched again."
            + " Costs one of the key's quota; past it, 429 QUOTA_EXCEEDED with Retry-After.")
    @ApiResponse(responseCode = "202", description = "Replay started")
    @ApiResponse(responseCode = "404", description = "BULK_JOB_NOT_FOUND", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "BULK_JOB_STATE_CONFLICT: queued, expanding, cancelled or failed,"
            + " or no failed item", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "PIPELINE_UNAVAILABLE: Kafka did not take the replay; the job"
            + " is unchanged", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(value = ApiPaths.BULK_SYNCS + "/{id}/retry-failed", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BulkJobView> retryFailed(@Parameter(description = JOB_ID) @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(bulkSyncs.retryFailed(jobId(id)));
    }

    private static UUID jobId(String id) {
        if (!CANONICAL_UUID.matcher(id).matches()) {
            throw ApiException.invalidParameter("A bulk job id is a UUID (8-4-4-4-12 hexadecimal digits).");
        }
        return UUID.fromString(id);
    }

    private static BulkJobStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return BulkJobStatus.parse(text.strip()).orElseThrow(() -> ApiException.invalidParameter("status is one of "
                + Arrays.stream(BulkJobStatus.values()).map(BulkJobStatus::value).collect(Collectors.joining(", "))
                + ", not " + CallerText.quoted(text) + "."));
    }
}
