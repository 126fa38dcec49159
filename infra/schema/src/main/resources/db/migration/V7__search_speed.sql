-- Search speed (issue #7): one trigram index per media type beside V5's index over every type, no pending
-- list in front of any of them, and a btree index for the titles that start with the query.
--
-- A trigram index lookup reads the whole posting list of every trigram of the query, and a title's common
-- trigrams ("  s", "er ", "ing") are in a large part of the catalog: for a query of a few words that reading,
-- not the rows it finds, is what a search costs. A type's search (GET /api/v1/{type}/search, the usual one)
-- only wants that type's rows, so it reads that type's partial index, whose lists are the type's share of the
-- global ones. CatalogSearch writes the type into the SQL as a literal so that the planner can pick it; the
-- search across types keeps using media_item_search_text. The names are media_item_search_text_<type>, the
-- type as MediaType names it, in lower case.
--
-- fastupdate off: by default GIN queues new entries in a pending list that every search reads through, and
-- that only a vacuum (or 4 MB of it) merges into the index; after a bulk of writes (a sync, the benchmark's
-- 100,000 rows) searches are slow until autovacuum passes. Items are written one at a time by the sync
-- worker, where updating the index at once costs little.
--
-- The price: every write of a row updates two trigram indexes instead of one, directly.
do $$
declare
    media text;
begin
    foreach media in array array['ANIME', 'MANGA', 'MOVIE', 'TV_SHOW', 'GAME', 'BOOK'] loop
        execute format('create index %I on media_item using gin (search_text gin_trgm_ops) with (fastupdate = off)'
                       ' where media_type = %L', 'media_item_search_text_' || lower(media), media);
    end loop;
end
$$;

alter index media_item_search_text set (fastupdate = off);
-- Entries already queued are merged now; with fastupdate off no new ones are queued.
select gin_clean_pending_list('media_item_search_text');

-- The main titles that start with the query rank first, and for a common word they alone fill the page:
-- CatalogSearch reads them from a range of this index (text_pattern_ops: byte order, which a "starts with"
-- range needs whatever the collation), type and id included so that the rows themselves are not read, and
-- only counts the other matches instead of ranking them.
create index media_item_search_title on media_item (search_title text_pattern_ops) include (media_type, provider_id);
