package com.trackgeek.contracts.catalog;

import java.util.List;
import java.util.Set;

/**
 * What anime and manga have in common because MyAnimeList describes both the same way: a record of either
 * type gets these accessors from its components, and with them the derived parts of {@link CatalogItem}.
 */
interface MyAnimeListItem extends CatalogItem {

    List<Title> titles();

    /** MyAnimeList's kind of the item ("TV", "Movie", "Manga", "Light Novel", ...). */
    String type();

    String status();

    /** MyAnimeList's statistics: they move every day whatever happens to the item. */
    Set<String> MAL_STATISTICS = Set.of("score", "scoredBy", "rank", "popularity", "members", "favorites");

    @Override
    default Set<String> volatileFields() {
        return MAL_STATISTICS;
    }

    List<MalEntry> genres();

    List<MalEntry> themes();

    List<MalEntry> demographics();

    String synopsis();

    /** MyAnimeList's picture URL, as given. */
    String imageUrl();

    @Override
    default String image() {
        return imageUrl();
    }

    @Override
    default List<String> alternativeTitles() {
        return Lists.titlesOtherThan(title(), titles());
    }

    @Override
    default String releaseStatus() {
        return status();
    }

    @Override
    default ItemDescription description() {
        return Lists.malDescription(title(), titles(), type(), genres(), themes(), demographics(), synopsis());
    }
}
