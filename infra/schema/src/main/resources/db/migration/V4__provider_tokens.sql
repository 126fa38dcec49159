-- Access tokens a provider hands out for a limited time (IGDB's Twitch app token), shared by every worker
-- replica: one token serves them all, so N replicas starting together ask the provider once, not N times.
-- Renewal is serialised with pg_advisory_xact_lock on the provider's key; the replica that holds the lock
-- asks for a token, the others wait and then read the one it stored.
--
-- The token is a bearer credential: whoever reads this table can call the provider as us until expires_at.
-- It is never logged; access to this table should be limited like access to the worker's own settings.
create table provider_token (
    -- 'igdb'; one row per provider (per key of the provider's choosing).
    provider     text        primary key,
    -- The client id the token was issued to: a token of another client id is not used (the operator
    -- changed the credentials).
    client_id    text        not null,
    access_token text        not null,
    expires_at   timestamptz not null,
    obtained_at  timestamptz not null default now()
);
