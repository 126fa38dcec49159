-- Freshness (issue #9): when each stored item is due for a refresh, how often refreshes found nothing changed
-- (the back-off of old titles), items the provider deleted (tombstones), and where each provider's change feed
-- was last read.

-- 'gone': the provider answered 404 for an item we hold; its data is kept and served marked gone.
alter table sync_state drop constraint sync_state_status_check;
alter table sync_state add constraint sync_state_status_check
    check (status in ('syncing', 'pending_embeddings', 'fresh', 'stale', 'failed', 'gone'));

alter table sync_state
    -- When the item becomes stale under its freshness rule (set whenever it is stored or refreshed; a change
    -- feed that names it moves it to now). Null: not computed yet (stored before this migration): due now.
    add column stale_after         timestamptz,
    -- Refreshes in a row that found nothing changed but score or popularity: the back-off of old titles.
    add column unchanged_refreshes integer     not null default 0,
    -- When a refresh last found a real change (or the item was first stored).
    add column last_changed_at     timestamptz,
    -- When the provider first answered 404 for the item we hold; null while it exists.
    add column gone_at             timestamptz;

-- The sweeper's question: the stale items, oldest first, none of them gone.
create index sync_state_due on sync_state (stale_after nulls first) where gone_at is null;

-- Each provider's change feed (TMDB /changes, IGDB updated_at): read up to here. A gap longer than the feed
-- covers (TMDB: 14 days) falls back to the timers.
create table change_feed (
    provider        text        not null,
    media_type      text        not null,
    polled_through  timestamptz not null,
    updated_at      timestamptz not null default now(),
    primary key (provider, media_type)
);
