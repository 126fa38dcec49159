-- One rate-limit budget per provider, shared by every sync-worker replica.

-- Bucket4j's PostgreSQL backend (select-for-update) keeps each bucket's state here, serialised by Bucket4j.
-- id: the provider ('jikan'), or '<provider>/bulk' for the share of the budget bulk work may use.
create table provider_budget (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
