package com.trackgeek.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaVocabularyTest {

    @ParameterizedTest
    @EnumSource(MediaType.class)
    void everyMediaTypeHasItsNotFoundAndAlreadyRefreshedCodes(MediaType type) {
        assertThat(type.notFound().name()).isEqualTo(type.name() + "_NOT_FOUND");
        assertThat(type.alreadyRefreshed().name()).isEqualTo(type.name() + "_ALREADY_REFRESHED");
        assertThat(MediaType.fromPathSegment(type.pathSegment())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void everyProviderHasItsServiceUnavailableNotConfiguredAndCredentialsRejectedCodes(Provider provider) {
        assertThat(provider.serviceUnavailable().name()).isEqualTo(provider.name() + "_SERVICE_UNAVAILABLE");
        assertThat(provider.notConfigured().name()).isEqualTo(provider.name() + "_NOT_CONFIGURED");
        assertThat(provider.credentialsRejected().name()).isEqualTo(provider.name() + "_CREDENTIALS_REJECTED");
    }

    @Test
    void animeAndMangaComeFromJikan() {
        assertThat(MediaType.ANIME.provider()).isEqualTo(Provider.JIKAN);
        assertThat(MediaType.MANGA.provider()).isEqualTo(Provider.JIKAN);
        assertThat(MediaType.TV_SHOW.provider()).isEqualTo(Provider.TMDB);
        assertThat(MediaType.BOOK.provider()).isEqualTo(Provider.HARDCOVER);
    }

    @Test
    void aMediaKeyPrintsAsItsKafkaRecordKeyAndParsesBack() {
        MediaKey key = MediaKey.of(MediaType.TV_SHOW, 4607);

        assertThat(key).hasToString("TV_SHOW:4607");
        assertThat(MediaKey.parse("TV_SHOW:4607")).isEqualTo(key);
    }

    @Test
    void aMediaKeyNeedsAPositiveId() {
        assertThatThrownBy(() -> MediaKey.of(MediaType.ANIME, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaKey.parse("ANIME")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lanesNameTheirTopicsAndInteractiveWorkEmbedsOnTheHighLane() {
        assertThat(SyncLane.INTERACTIVE.topic()).isEqualTo(Topics.SYNC_REQUESTS_INTERACTIVE);
        assertThat(SyncLane.INTERACTIVE.embeddingLane()).isEqualTo(EmbeddingLane.HIGH);
        assertThat(SyncLane.BULK.embeddingLane()).isEqualTo(EmbeddingLane.LOW);
        assertThat(Topics.deadLetter(Topics.SYNC_REQUESTS_INTERACTIVE)).isEqualTo("trackgeek.sync-requests.interactive.dlt");
    }
}
