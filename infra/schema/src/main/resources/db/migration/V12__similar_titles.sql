-- Issue #11: similar titles, model switches, failed embeddings.

-- Why a request failed, as a stable code (ErrorCode), beside the free-text detail.
alter table embedding_request add column outcome_code text;

-- Which model `similar` answers with when an operator chose one ("on request"); without a row the API follows
-- its rule (the model the catalog is covered by). One row at most.
create table similar_model_choice (
    singleton  boolean     primary key default true check (singleton),
    model      text        not null,
    chosen_at  timestamptz not null default now(),
    chosen_by  text
);

-- The similar-titles index is rebuilt from PostgreSQL at start, one model at a time, and catches up on vectors
-- stored after a point in time (an event it missed).
create index item_embedding_model_embedded_at on item_embedding (model, embedded_at);
