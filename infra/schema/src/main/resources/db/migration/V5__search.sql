-- Search over the catalog (issue #7): trigram matching on the titles of every script, case- and
-- accent-insensitive, plus what a search hit shows (image_url) and whether the row is only a search hit
-- so far (partial).
--
-- Both extensions ship with PostgreSQL (contrib) and are trusted, so the database owner can create them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE (it reads its dictionary by name through search_path), so it cannot be used in
-- an index or a generated column. This wrapper names the dictionary explicitly, which makes the result
-- depend on its input alone: IMMUTABLE is then true as long as nobody edits unaccent.rules (were it
-- edited, REINDEX and an update of the generated columns would be needed). lower() folds case in every
-- script that has one; Japanese, Chinese and Korean have none and pass through unchanged.
create function search_fold(value text) returns text
    language sql immutable strict parallel safe
    return lower(public.unaccent('public.unaccent'::regdictionary, value));

-- array_to_string is STABLE too (for text[] it cannot change); the same wrapper argument applies. Titles
-- are joined with a line break, which trigram extraction treats as a word boundary.
create function search_fold(title text, alternative_titles text[]) returns text
    language sql immutable strict parallel safe
    return search_fold(title || E'\n' || array_to_string(alternative_titles, E'\n'));

alter table media_item
    -- The summary's picture as a full URL (CatalogItem.image()), or null.
    add column image_url text,
    -- True while the row is only what a provider's search result said about the item; a full fetch clears
    -- it, and a partial write never overwrites a full row (MediaItemStore).
    add column partial boolean not null default false,
    -- Folded title, for ranking title matches before alternative-title ones.
    add column search_title text generated always as (search_fold(title)) stored,
    -- Folded title and alternative titles (all scripts): what a search matches against.
    add column search_text text generated always as (search_fold(title, alternative_titles)) stored;

-- Serves both q <% search_text (word similarity) and search_text like '%q%' (substring), for every type:
-- the type filter is applied to the few rows the index finds.
create index media_item_search_text on media_item using gin (search_text gin_trgm_ops);

-- Rows stored before this migration get their picture from their document where the record has a plain
-- one, as CatalogItem.image() derives it (anime, manga and books: imageUrl; movies and TV: the w500 poster;
-- games: the cover_big cover). Later writes set it from CatalogItem.image().
update media_item set image_url = case
    when media_type in ('MOVIE', 'TV') and document ->> 'posterPath' is not null
        then 'https://image.tmdb.org/t/p/w500' || (document ->> 'posterPath')
    when media_type = 'GAME' and document -> 'cover' ->> 'url' like '//%'
        then 'https:' || replace(document -> 'cover' ->> 'url', '/t_thumb/', '/t_cover_big/')
    when media_type = 'GAME' then replace(document -> 'cover' ->> 'url', '/t_thumb/', '/t_cover_big/')
    else document ->> 'imageUrl'
    end;
