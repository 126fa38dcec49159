-- Every service applies these migrations at start-up; Flyway's PostgreSQL advisory lock makes
-- concurrent start-ups safe (one migrates, the others wait and then find nothing to do).

-- One row per anime, keyed by MyAnimeList id. Scalars are typed columns; nested provider data
-- (lists of names, characters, staff, videos, ...) is jsonb in our own normalised shape.
create table anime (
    id                 bigint generated always as identity primary key,
    mal_id             bigint      not null unique,
    url                text,
    image_url          text,
    trailer            jsonb,
    title              text        not null,
    titles             jsonb       not null default '[]',
    type               text,
    source             text,
    number_of_episodes integer,
    status             text,
    airing             boolean,
    aired_from         timestamptz,
    aired_to           timestamptz,
    aired_text         text,
    duration           text,
    rating             text,
    score              numeric(4, 2),
    scored_by          integer,
    rank               integer,
    popularity         integer,
    members            integer,
    favorites          integer,
    synopsis           text,
    background         text,
    season             text,
    year               integer,
    broadcast          jsonb,
    producers          jsonb       not null default '[]',
    licensors          jsonb       not null default '[]',
    studios            jsonb       not null default '[]',
    genres             jsonb       not null default '[]',
    explicit_genres    jsonb       not null default '[]',
    themes             jsonb       not null default '[]',
    demographics       jsonb       not null default '[]',
    relations          jsonb       not null default '[]',
    theme              jsonb,
    external_links     jsonb       not null default '[]',
    characters         jsonb       not null default '[]',
    staff              jsonb       not null default '[]',
    videos             jsonb,
    last_refreshed_at  timestamptz not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- The sync state of every item we know of, of any media type: what the API tells a caller about
-- freshness, and the negative cache for ids the provider does not know.
create table sync_state (
    media_type        text        not null,
    provider_id       bigint      not null,
    status            text        not null
        check (status in ('syncing', 'pending_embeddings', 'fresh', 'stale', 'failed')),
    last_synced_at    timestamptz,
    last_error_code   text,
    last_error_detail text,
    last_failed_at    timestamptz,
    attempts          integer     not null default 0,
    last_request_id   uuid,
    updated_at        timestamptz not null default now(),
    primary key (media_type, provider_id)
);

-- One row per sync command the API (or a bulk job) accepted; the API reports its status.
create table sync_request (
    id            uuid primary key,
    media_type    text        not null,
    provider_id   bigint      not null,
    kind          text        not null check (kind in ('FETCH', 'REFRESH')),
    lane          text        not null check (lane in ('INTERACTIVE', 'BULK')),
    status        text        not null check (status in ('queued', 'running', 'done', 'failed')),
    error_code    text,
    error_detail  text,
    attempts      integer     not null default 0,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz not null default now()
);

-- At most one unfinished sync per item: concurrent requests for the same missing item, from any
-- number of API instances, join that one request instead of causing another provider fetch.
create unique index sync_request_one_active_per_item
    on sync_request (media_type, provider_id) where status in ('queued', 'running');

create index sync_request_created_at on sync_request (created_at);
