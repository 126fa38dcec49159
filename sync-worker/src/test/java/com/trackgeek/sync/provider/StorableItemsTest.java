package com.trackgeek.sync.provider;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.CatalogJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fetched item must be before anything of it is stored, the same for a fetch, a refresh and a bulk job's item. */
class StorableItemsTest {

    private static final MediaKey ASKED = MediaKey.of(MediaType.MOVIE, 671);

    @Test
    void theItemAskedForWithARealTitleIsStorable() {
        assertThat(StorableItems.unstorable(Provider.TMDB, ASKED, movie(671, "Harry Potter and the Philosopher's Stone", "Harry Potter à l'école des sorciers")))
                .isEmpty();
    }

    @Test
    void anotherItemThanTheOneAskedForIsAnInvalidPayload() {
        assertThat(StorableItems.unstorable(Provider.TMDB, ASKED, movie(672, "Harry Potter and the Chamber of Secrets", null)))
                .hasValueSatisfying(failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
                    assertThat(failure.getMessage()).contains("TMDB", "MOVIE:672", "when asked for MOVIE:671");
                });
    }

    @Test
    void aBlankTitleIsAnInvalidPayload() {
        assertThat(StorableItems.unstorable(Provider.TMDB, ASKED, movie(671, "   ", null)))
                .hasValueSatisfying(failure -> assertThat(failure.getMessage()).contains("without a title"));
    }

    @Test
    void aTitleLongerThanAnyRealOneIsAnInvalidPayloadSayingHowLong() {
        String title = "T".repeat(StorableItems.MAX_TITLE_LENGTH);
        assertThat(StorableItems.unstorable(Provider.TMDB, ASKED, movie(671, title, null))).as("at the limit").isEmpty();
        assertThat(StorableItems.unstorable(Provider.TMDB, ASKED, movie(671, title + "T", null)))
                .hasValueSatisfying(failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_PAYLOAD_INVALID);
                    assertThat(failure.getMessage()).contains("a title of 1001 characters", "at most 1000");
                });
    }

    @Test
    void anAlternativeTitleLongerThanAnyRealOneIsAnInvalidPayload() {
        assertThat(StorableItems.unstorable(Provider.TMDB, ASKED, movie(671, "Harry Potter", "O".repeat(StorableItems.MAX_TITLE_LENGTH + 1))))
                .hasValueSatisfying(failure -> assertThat(failure.getMessage()).contains("an alternative title of 1001 characters"));
    }

    /** A movie as stored: its original title is its one alternative title. */
    private static CatalogItem movie(long id, String title, String originalTitle) {
        String document = CatalogJson.mapper().createObjectNode().put("tmdbId", id).put("title", title)
                .put("originalTitle", originalTitle).toString();
        return CatalogJson.read(MediaType.MOVIE, document);
    }
}
