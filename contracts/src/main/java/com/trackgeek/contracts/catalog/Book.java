package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A book as we store and serve it, whatever provider described it (today Hardcover). A Hardcover book is the
 * work; its editions (hardcover, ebook, audiobook, translations) are listed under it, the provider's default
 * edition of each reading format in full. Lists are never null, so readers can always iterate them.
 *
 * @param hardcoverId          Hardcover's id of the book
 * @param alternativeTitles    other titles of the work (translations, former titles), as Hardcover lists them
 * @param slug                 the book's name in Hardcover's URLs ({@code https://hardcover.app/books/{slug}})
 * @param state                Hardcover's state of the record ("normalized", ...)
 * @param synopsis             Hardcover's {@code description} of the book (named like the other catalog types'
 *                             story text, and because {@link #description()} is the embedding's description)
 * @param headline             Hardcover's one-line teaser, if any
 * @param audioSeconds         length of the default audiobook
 * @param categoryId           Hardcover's {@code book_category_id} (book, novella, graphic novel, ...)
 * @param literaryTypeId       Hardcover's {@code literary_type_id} (fiction, non-fiction, ...)
 * @param imageUrl             the book's cover
 * @param editions             up to 30 editions, each with its cover
 * @param canonicalId          the book this one duplicates (Hardcover merges duplicates into a canonical book), or null
 * @param editionsCount        how many editions Hardcover knows, beyond those listed
 */
public record Book(
        long hardcoverId,
        String title,
        String subtitle,
        List<String> alternativeTitles,
        String slug,
        String state,
        String synopsis,
        String headline,
        Integer pages,
        Integer audioSeconds,
        LocalDate releaseDate,
        Integer releaseYear,
        Integer categoryId,
        Integer literaryTypeId,
        Boolean compilation,
        String imageUrl,
        BookEdition defaultAudioEdition,
        BookEdition defaultCoverEdition,
        BookEdition defaultEbookEdition,
        BookEdition defaultPhysicalEdition,
        List<EditionImage> editions,
        BookSeries featuredSeries,
        List<Link> links,
        Long canonicalId,
        Integer editionsCount) implements CatalogItem {

    public Book {
        alternativeTitles = Lists.orEmpty(alternativeTitles);
        editions = Lists.orEmpty(editions);
        links = Lists.orEmpty(links);
        if (releaseYear == null && releaseDate != null) {
            releaseYear = releaseDate.getYear();
        }
    }

    @Override
    public MediaKey key() {
        return MediaKey.of(MediaType.BOOK, hardcoverId);
    }

    /** Hardcover's state of the book's record: it has no wording of its own for "out" or "upcoming". */
    @Override
    public String releaseStatus() {
        return state;
    }

    /** Released on its release date (upcoming before it); unknown without one. */
    @Override
    public Lifecycle lifecycle() {
        return Lifecycle.releasedOn(releaseDate);
    }

    /** Hardcover's record has no score or popularity fields. */
    @Override
    public Set<String> volatileFields() {
        return Set.of();
    }

    @Override
    public LocalDate releasedOn() {
        return releaseDate;
    }

    /** The title with its subtitle counts as another name; the featured series is the book's one tag. */
    /** The book's cover URL, as Hardcover gives it. */
    @Override
    public String image() {
        return imageUrl;
    }

    @Override
    public ItemDescription description() {
        List<String> names = new ArrayList<>();
        if (subtitle != null && !subtitle.isBlank()) {
            names.add(title + ": " + subtitle);
        }
        names.addAll(alternativeTitles);
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("Series", featuredSeries == null || featuredSeries.name() == null ? List.of() : List.of(featuredSeries.name()));
        String story = headline == null || headline.isBlank() ? synopsis
                : synopsis == null ? headline : headline.strip() + "\n" + synopsis;
        return new ItemDescription(title, names, Boolean.TRUE.equals(compilation) ? "Compilation" : null, tags, story);
    }
}
