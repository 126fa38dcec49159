package com.trackgeek.sync.provider.hardcover;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Hardcover's answer to {@code graphql-documents/hardcoverBooks.graphql}, one book of {@code data.books} at a
 * time (a book that does not parse fails alone). Names follow the document's selections, snake_case in the
 * JSON; only {@code links} (jsonb, shape undocumented) is read loosely.
 */
final class HardcoverResponses {

    private HardcoverResponses() {
    }

    record Book(Long id, String title, String subtitle, List<String> alternativeTitles, String slug, String state,
                String description, String headline, Integer pages, Integer audioSeconds, LocalDate releaseDate,
                Integer releaseYear, Integer bookCategoryId, Integer literaryTypeId, Boolean compilation, Image image,
                Edition defaultAudioEdition, Edition defaultCoverEdition, Edition defaultEbookEdition,
                Edition defaultPhysicalEdition, List<EditionCover> editions, FeaturedSeries featuredBookSeries,
                JsonNode links, Long canonicalId, Integer editionsCount) {
    }

    record Image(String url) {
    }

    record Edition(Long id, @JsonProperty("isbn_13") String isbn13, String asin, String editionFormat,
                   Integer readingFormatId, Integer pages, Integer audioSeconds, LocalDate releaseDate, Image image) {
    }

    record EditionCover(Long id, Image image) {
    }

    record FeaturedSeries(BigDecimal position, Series series) {
    }

    record Series(String name, String slug) {
    }
}
