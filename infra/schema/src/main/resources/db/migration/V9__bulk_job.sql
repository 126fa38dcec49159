-- Bulk jobs (issue #8): a season, a top list, a list of ids or a whole catalog synced under the provider's
-- shared budget. The job and every item's outcome live here, so a job survives restarts and crashes of every
-- service: it resumes where it was, never starts over, and its progress never goes backwards.
--
-- Life of a job: the API (POST /api/v1/bulk-syncs) records it 'queued' and publishes its BulkSyncRequested; a
-- producer on Kafka only publishes the command, and the worker records the job when it takes the command. The
-- worker then lists the selector page by page (one BulkWork.ExpandPage record a page): each page's items are
-- inserted with the page's number in one transaction that also advances expanded_through_page, and after that
-- commit the page's FetchItems batches and the next page's record are published and published_through_page
-- advances. A redelivered page at or below published_through_page is done already; one at expanded_through_page
-- publishes its batches again (harmless: an item's outcome is written only over a pending item).
create table bulk_job (
    id                     uuid        primary key,
    -- The BulkSelector's JSON, as the command carried it.
    selector               jsonb       not null,
    media_type             text        not null,
    -- Who asked: the API key's name, or the Kafka producer's requestedBy (free text, may be null).
    requested_by           text,
    -- 'api' or 'kafka'.
    source                 text        not null check (source in ('api', 'kafka')),
    status                 text        not null
                                       check (status in ('queued', 'expanding', 'running', 'done', 'cancelled', 'failed')),
    -- Pages of the selector listed and recorded, and pages whose fetches are published.
    expanded_through_page  integer     not null default 0,
    published_through_page integer     not null default 0,
    -- True once the last page is recorded: the job's items are all known.
    expansion_done         boolean     not null default false,
    -- The provider's own count of the selector's items, where it gives one (progress before expansion ends).
    provider_total         bigint,
    -- Provider calls made for this job (listing pages and fetching items, retries included).
    provider_calls         bigint      not null default 0,
    -- Replays of the failed items asked so far (BulkWork.ReplayFailed.round).
    replay_round           integer     not null default 0,
    -- Why the job failed (a selector that cannot be listed) or was given up on.
    error_code             text,
    error_detail           text,
    requested_at           timestamptz not null,
    created_at             timestamptz not null default now(),
    started_at             timestamptz,
    finished_at            timestamptz,
    updated_at             timestamptz not null default now()
);

create index bulk_job_created_at on bulk_job (created_at desc);
create index bulk_job_status on bulk_job (status, created_at desc);

create table bulk_job_item (
    job_id        uuid        not null references bulk_job (id) on delete cascade,
    provider_id   bigint      not null,
    -- The expansion page that listed the item, and its place in the job (a batch's ids are consecutive).
    page          integer     not null,
    seq           integer     not null,
    -- Null while pending; then one of stored, unchanged, skipped_fresh, not_found, failed, cancelled.
    outcome       text        check (outcome in ('stored', 'unchanged', 'skipped_fresh', 'not_found', 'failed', 'cancelled')),
    error_code    text,
    error_detail  text,
    -- The replay round that last made the item pending (0: the job's first pass).
    replay_round  integer     not null default 0,
    finished_at   timestamptz,
    -- A stored item whose events (ItemSynced, its embedding request) Kafka has not acknowledged yet: set with the
    -- outcome, cleared after the acknowledgement, so a batch redelivered after a crash in between repeats them.
    unannounced   boolean     not null default false,
    primary key (job_id, provider_id)
);

-- Progress: counts per outcome, and the pending items of a page or a replay.
create index bulk_job_item_outcome on bulk_job_item (job_id, outcome);
create index bulk_job_item_page on bulk_job_item (job_id, page, seq);
-- Items per minute over the last minutes.
create index bulk_job_item_finished_at on bulk_job_item (job_id, finished_at) where finished_at is not null;
