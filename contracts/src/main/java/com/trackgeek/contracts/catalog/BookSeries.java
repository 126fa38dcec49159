package com.trackgeek.contracts.catalog;

import java.math.BigDecimal;

/**
 * The series a book is featured in, and where in it.
 *
 * @param position the book's place in the series; fractional for in-between stories (1.5), null if unnumbered
 */
public record BookSeries(String name, String slug, BigDecimal position) {
}
