package com.trackgeek.contracts.catalog;

/** An edition of a book as the book lists it: its id and its cover (null when it has none). */
public record EditionImage(long editionId, String imageUrl) {
}
