-- Owned by the embedding worker.

-- Every embedding request the worker received, once per request id: a redelivery (the worker crashed
-- after its database work but before Kafka saw the offset) counts another delivery instead of adding
-- a row. The outcome is that of the latest processing.
create table embedding_request (
    request_id     uuid primary key,
    media_type     text        not null,
    provider_id    bigint      not null,
    lane           text        not null check (lane in ('HIGH', 'LOW')),
    requested_at   timestamptz not null,
    received_at    timestamptz not null default clock_timestamp(),
    deliveries     integer     not null default 1,
    outcome        text
        check (outcome in ('embedded', 'skipped_unchanged', 'item_missing', 'unsupported_type', 'failed')),
    outcome_detail text,
    processed_at   timestamptz
);

create index embedding_request_item on embedding_request (media_type, provider_id);
create index embedding_request_received_at on embedding_request (received_at);

-- One vector per item and model. Keyed by model too, so that switching models can fill in new vectors
-- while readers still compare the old ones among themselves (vectors of different models are not
-- comparable). No pgvector: plain float4 arrays, compared in the reader.
create table item_embedding (
    media_type   text        not null,
    provider_id  bigint      not null,
    model        text        not null,
    dimensions   integer     not null check (dimensions > 0),
    embedding    real[]      not null check (cardinality(embedding) = dimensions),
    -- SHA-256 (hex) of the text the vector was computed from: an unchanged text is not embedded again.
    content_hash text        not null,
    embedded_at  timestamptz not null default clock_timestamp(),
    primary key (media_type, provider_id, model)
);
