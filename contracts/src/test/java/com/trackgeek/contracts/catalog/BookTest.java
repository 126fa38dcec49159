package com.trackgeek.contracts.catalog;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookTest {

    @Test
    void aBookIsItsCatalogItemWithListsNeverNullAndTheYearFromItsDate() {
        Book book = book(null, LocalDate.of(1998, 9, 1), null, null);

        assertThat(MediaType.BOOK.catalogType()).isEqualTo(Book.class);
        assertThat(book.key()).isEqualTo(MediaKey.of(MediaType.BOOK, 328491));
        assertThat(book.releasedOn()).isEqualTo(LocalDate.of(1998, 9, 1));
        assertThat(book.releaseYear()).isEqualTo(1998);
        assertThat(book.releaseStatus()).isEqualTo("normalized");
        assertThat(book.alternativeTitles()).isEmpty();
        assertThat(book.editions()).isEmpty();
        assertThat(book.links()).isEmpty();
        assertThat(book(1989, LocalDate.of(1998, 9, 1), null, null).releaseYear()).as("Hardcover's own year wins").isEqualTo(1989);
    }

    @Test
    void theDescriptionNamesTheBookItsSubtitleItsSeriesAndTellsItsStory() {
        Book book = book(1997, null, "The Boy Who Lived", new BookSeries("Harry Potter", "harry-potter", BigDecimal.ONE));

        assertThat(book.description().toText()).isEqualTo("""
                Harry Potter and the Philosopher's Stone
                Also known as: Harry Potter and the Philosopher's Stone: The Boy Who Lived
                Series: Harry Potter
                A boy learns he is a wizard.
                Harry has never been the star of a Quidditch team.""");
    }

    private static Book book(Integer year, LocalDate released, String subtitle, BookSeries series) {
        return new Book(328491, "Harry Potter and the Philosopher's Stone", subtitle, null, "harry-potter", "normalized",
                "Harry has never been the star of a Quidditch team.", "A boy learns he is a wizard.", 309, null,
                released, year, 1, 1, false, null, null, null, null, null, null, series, null, null, 375);
    }
}
