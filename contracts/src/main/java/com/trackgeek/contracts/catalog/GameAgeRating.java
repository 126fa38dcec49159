package com.trackgeek.contracts.catalog;

/**
 * An age rating given by one rating organisation.
 *
 * @param organization "ESRB", "PEGI", "CERO", "USK", "GRAC", "CLASS_IND", "ACB"
 * @param rating       the organisation's rating, e.g. "M", "PEGI 18"
 * @param synopsis     the organisation's reasoning, when IGDB has it
 */
public record GameAgeRating(Long igdbId, String organization, String rating, String synopsis) {
}
