-- One item store for every media type. An item is one document (the JSON of its catalog record, see
-- contracts' com.trackgeek.contracts.catalog) keyed by (media_type, provider_id), plus typed columns for
-- what is queried, which the writer derives from the record: no module mirrors a type's fields as columns.

create table media_item (
    media_type         text        not null,
    provider_id        bigint      not null check (provider_id > 0),
    -- Version of the type's document shape; a reader knows which versions it can read.
    schema_version     integer     not null default 1,
    document           jsonb       not null,
    -- Queried columns, derived from the document by the writer.
    title              text        not null,
    alternative_titles text[]      not null default '{}',
    release_status     text,
    released_on        date,
    release_year       integer,
    last_refreshed_at  timestamptz not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (media_type, provider_id)
);

create index media_item_release_year on media_item (media_type, release_year);

-- Anime stored before this migration become documents of the anime catalog record, field for field as the
-- API served them (nested values were already stored in the record's JSON shape), so they are served
-- unchanged. Instants are written as Jackson writes an Instant (UTC, 'Z').
insert into media_item (media_type, provider_id, schema_version, document, title, alternative_titles,
                        release_status, released_on, release_year, last_refreshed_at, created_at, updated_at)
select 'ANIME', a.mal_id, 1,
       jsonb_build_object(
           'malId', a.mal_id, 'url', a.url, 'imageUrl', a.image_url, 'trailer', a.trailer, 'title', a.title,
           'titles', a.titles, 'type', a.type, 'source', a.source, 'numberOfEpisodes', a.number_of_episodes,
           'status', a.status, 'airing', a.airing,
           'aired', jsonb_build_object(
               'from', to_char(a.aired_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'to', to_char(a.aired_to at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'text', a.aired_text),
           'duration', a.duration, 'rating', a.rating, 'score', a.score, 'scoredBy', a.scored_by,
           'rank', a.rank, 'popularity', a.popularity, 'members', a.members, 'favorites', a.favorites,
           'synopsis', a.synopsis, 'background', a.background, 'season', a.season, 'year', a.year,
           'broadcast', a.broadcast, 'producers', a.producers, 'licensors', a.licensors, 'studios', a.studios,
           'genres', a.genres, 'explicitGenres', a.explicit_genres, 'themes', a.themes,
           'demographics', a.demographics, 'relations', a.relations, 'theme', a.theme,
           'externalLinks', a.external_links, 'characters', a.characters, 'staff', a.staff, 'videos', a.videos),
       a.title,
       coalesce(array(select distinct t ->> 'title' from jsonb_array_elements(a.titles) t
                       where t ->> 'title' is not null and t ->> 'title' <> a.title), '{}'),
       a.status,
       (a.aired_from at time zone 'UTC')::date,
       coalesce(a.year, extract(year from a.aired_from at time zone 'UTC')::integer),
       a.last_refreshed_at, a.created_at, a.updated_at
  from anime a;

drop table anime;
