-- The providers' own searches (issue #7), shared by every API instance: the cache of their answers (24 h per
-- type, normalised query, page and page size) and, while one is being asked, the place its answer arrives.
--
-- Life of a row: an API instance that finds no usable row claims it (status 'running', a new search_id) and
-- publishes a ProviderSearchRequested; the sync worker asks the provider, stores the hits as partial items and
-- writes the answer here under that search_id ('done' with the hits, or 'failed' with a code). Other searches
-- for the same key meanwhile wait for the same row instead of asking the provider again. A row answered longer
-- ago than the cache's lifetime (or failed longer ago than the failure's, or running past its bound) is
-- claimed anew with a new search_id, so a late command for the old one changes nothing.
create table provider_search (
    media_type         text        not null,
    -- search_fold of the query with runs of white space made one space and trimmed (the cache key).
    query              text        not null,
    page               integer     not null check (page >= 1),
    page_size          integer     not null check (page_size >= 1),
    search_id          uuid        not null,
    status             text        not null check (status in ('running', 'done', 'failed')),
    -- The hits' provider ids, in the provider's order; every one is stored in media_item (partial or full).
    provider_ids       bigint[],
    -- The provider's count of all hits, where it gives one.
    total              bigint,
    has_more           boolean,
    -- Hits stored for the first time by this search whose full fetch and embedding requests are not yet
    -- published: set with the answer, emptied once Kafka has them, so a crash in between repeats them.
    unannounced_ids    bigint[]    not null default '{}',
    error_code         text,
    error_detail       text,
    requested_at       timestamptz not null,
    answered_at        timestamptz,
    primary key (media_type, query, page, page_size)
);

-- Expired answers are deleted by age.
create index provider_search_answered_at on provider_search (answered_at);

-- A correction to V5's back-fill of image_url, which named TV rows 'TV' where the type is 'TV_SHOW': shows
-- stored before V5 get their w500 poster now, as CatalogItem.image() derives it.
update media_item set image_url = 'https://image.tmdb.org/t/p/w500' || (document ->> 'posterPath')
 where media_type = 'TV_SHOW' and image_url is null and document ->> 'posterPath' is not null;
