package com.trackgeek.contracts.catalog;

import java.time.LocalDate;

/**
 * One published edition of a book (a hardcover, a Kindle edition, an audiobook).
 *
 * @param format          the provider's wording of the edition's format ("Hardcover", "Audible Audio", ...)
 * @param readingFormatId Hardcover's reading format: 1 physical, 2 audio, 3 both, 4 ebook
 * @param audioSeconds    length, for audio editions
 */
public record BookEdition(long id, String isbn13, String asin, String format, Integer readingFormatId, Integer pages,
                          Integer audioSeconds, LocalDate releaseDate, String imageUrl) {
}
