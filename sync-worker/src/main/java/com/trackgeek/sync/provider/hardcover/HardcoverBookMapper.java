package com.trackgeek.sync.provider.hardcover;

import com.trackgeek.contracts.catalog.Book;
import com.trackgeek.contracts.catalog.BookEdition;
import com.trackgeek.contracts.catalog.BookSeries;
import com.trackgeek.contracts.catalog.EditionImage;
import com.trackgeek.contracts.catalog.Link;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One Hardcover book, as parsed from the answer, into our {@link Book}. */
final class HardcoverBookMapper {

    private HardcoverBookMapper() {
    }

    /** @throws IllegalArgumentException when the book lacks what identifies it (id, title, an edition's id) */
    static Book toBook(HardcoverResponses.Book book) {
        if (book.id() == null || book.title() == null || book.title().isBlank()) {
            throw new IllegalArgumentException("a book without id or title");
        }
        List<EditionImage> editions = book.editions() == null ? List.of() : book.editions().stream()
                .filter(Objects::nonNull)
                .map(edition -> new EditionImage(required(edition.id(), "editions[].id"), url(edition.image())))
                .toList();
        var series = book.featuredBookSeries();
        return new Book(
                book.id(),
                book.title(),
                book.subtitle(),
                book.alternativeTitles() == null ? List.of()
                        : book.alternativeTitles().stream().filter(Objects::nonNull).toList(),
                book.slug(),
                book.state(),
                book.description(),
                book.headline(),
                book.pages(),
                book.audioSeconds(),
                book.releaseDate(),
                book.releaseYear(),
                book.bookCategoryId(),
                book.literaryTypeId(),
                book.compilation(),
                url(book.image()),
                edition(book.defaultAudioEdition()),
                edition(book.defaultCoverEdition()),
                edition(book.defaultEbookEdition()),
                edition(book.defaultPhysicalEdition()),
                editions,
                series == null || series.series() == null ? null
                        : new BookSeries(series.series().name(), series.series().slug(), series.position()),
                links(book.links()),
                book.canonicalId(),
                book.editionsCount());
    }

    private static BookEdition edition(HardcoverResponses.Edition edition) {
        if (edition == null) {
            return null;
        }
        return new BookEdition(required(edition.id(), "default edition id"), edition.isbn13(), edition.asin(),
                edition.editionFormat(), edition.readingFormatId(), edition.pages(), edition.audioSeconds(),
                edition.releaseDate(), url(edition.image()));
    }

    /**
     * Hardcover's {@code links} is jsonb of an undocumented shape: an array of URLs, or of objects with a
     * {@code url} and a label, is read; anything else is no link rather than a failed book.
     */
    private static List<Link> links(JsonNode links) {
        if (links == null || !links.isArray()) {
            return List.of();
        }
        List<Link> read = new ArrayList<>();
        for (JsonNode link : links) {
            if (link.isString() && !link.asString().isBlank()) {
                read.add(new Link(null, link.asString()));
            } else if (link.isObject() && link.path("url").isString()) {
                read.add(new Link(label(link), link.path("url").asString()));
            }
        }
        return read;
    }

    private static String label(JsonNode link) {
        for (String field : List.of("title", "name", "label", "source")) {
            if (link.path(field).isString()) {
                return link.path(field).asString();
            }
        }
        return null;
    }

    private static String url(HardcoverResponses.Image image) {
        return image == null ? null : image.url();
    }

    private static long required(Long id, String what) {
        if (id == null) {
            throw new IllegalArgumentException("no " + what);
        }
        return id;
    }
}
