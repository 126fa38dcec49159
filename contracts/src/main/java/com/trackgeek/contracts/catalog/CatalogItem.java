package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An item of the catalog: one media type's stored shape, defined once as a record. The record's JSON (its
 * components, camelCase) is the document stored per (type, provider id) and the body the API serves; the
 * methods here derive what the other modules need from it, so none of them names the type's fields:
 * the store's queried columns, and the embedding worker's text.
 *
 * <p>Adding a field is one record component plus its mapper line; adding a media type is a record that
 * implements this, named by its {@link com.trackgeek.contracts.MediaType}.
 */
public interface CatalogItem {

    /** The type and provider id this item is stored under. */
    MediaKey key();

    /** The main title: never blank. */
    String title();

    /** Every other name the provider knows the item by (all scripts), for search. */
    List<String> alternativeTitles();

    /** The provider's own status wording ("Currently Airing", "Finished"), or null. */
    String releaseStatus();

    /** When the item first came out, as far as known. */
    LocalDate releasedOn();

    /** The year it came out, as far as known: that of {@link #releasedOn()} unless the provider states one. */
    default Integer releaseYear() {
        return releasedOn() == null ? null : releasedOn().getYear();
    }

    /** What describes the item well enough to find similar ones. */
    ItemDescription description();

    /**
     * The item's main picture (poster, cover) as a full URL a browser can load, or null: what a search hit or
     * any other summary of the item shows. Derived from the record's own fields, never stored on its own.
     */
    String image();

    /**
     * Where the item is in its own life (upcoming, running, finished and when), derived from the record's own
     * status and dates: what the freshness policy needs to know how soon it may change.
     */
    Lifecycle lifecycle();

    /**
     * The record's fields (JSON names) that change all the time without the item changing: score, rank,
     * popularity, member counts. A refresh that changes only these found nothing new.
     */
    Set<String> volatileFields();
}
