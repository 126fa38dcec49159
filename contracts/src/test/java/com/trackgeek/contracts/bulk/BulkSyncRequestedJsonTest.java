package com.trackgeek.contracts.bulk;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ServiceJson;
import com.trackgeek.contracts.Message;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkSyncRequestedJsonTest {

    private final JsonMapper json = ServiceJson.mapper();

    private final UUID jobId = UUID.fromString("6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71");
    private final Instant at = Instant.parse("2026-12-03T05:00:00Z");

    @Test
    void everySelectorSurvivesARoundTripInsideTheCommand() {
        List<BulkSelector> selectors = List.of(
                new BulkSelector.Season(MediaType.ANIME, 2018, SeasonName.WINTER),
                new BulkSelector.TopList(MediaType.MOVIE, "popular"),
                new BulkSelector.Ids(MediaType.GAME, List.of(1942L, 19560L)),
                new BulkSelector.Catalog(MediaType.GAME));
        for (BulkSelector selector : selectors) {
            BulkSyncRequested sent = BulkSyncRequested.of(jobId, selector, "importer", at);

            BulkSyncRequested read = json.readValue(json.writeValueAsString(sent), BulkSyncRequested.class);

            assertThat(read).isEqualTo(sent);
            assertThat(read.selector()).isInstanceOf(selector.getClass());
        }
    }

    @Test
    void theDocumentedSeasonExampleIsReadAsWritten() {
        String pasted = """
                {"schemaVersion":1,"jobId":"6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71",
                 "selector":{"kind":"SEASON","type":"ANIME","year":2018,"season":"winter"},
                 "requestedBy":"season-importer","requestedAt":"2026-12-03T05:00:00Z"}
                """;

        BulkSyncRequested read = json.readValue(pasted, BulkSyncRequested.class);

        assertThat(read).isEqualTo(BulkSyncRequested.of(jobId,
                new BulkSelector.Season(MediaType.ANIME, 2018, SeasonName.WINTER), "season-importer", at));
        assertThat(read.isSupportedVersion()).isTrue();
        assertThat(read.key()).isEqualTo(jobId.toString());
    }

    @Test
    void theDocumentedTopListExampleIsReadAsWritten() {
        String pasted = """
                {"schemaVersion":1,"jobId":"0d9e7f3a-2c41-4b8e-a6f0-5e1d2c3b4a59",
                 "selector":{"kind":"TOP","type":"MOVIE","list":"popular"},
                 "requestedBy":"nightly-popular","requestedAt":"2026-12-03T05:00:00Z"}
                """;

        assertThat(json.readValue(pasted, BulkSyncRequested.class).selector())
                .isEqualTo(new BulkSelector.TopList(MediaType.MOVIE, "popular"));
    }

    @Test
    void theWireFormatNamesTheKindAndTheSeasonInLowerCase() {
        String wire = json.writeValueAsString(BulkSyncRequested.of(jobId,
                new BulkSelector.Season(MediaType.ANIME, 2022, SeasonName.FALL), null, at));

        assertThat(wire)
                .contains("\"kind\":\"SEASON\"")
                .contains("\"season\":\"fall\"")
                .contains("\"type\":\"ANIME\"")
                .contains("\"jobId\":\"" + jobId + "\"")
                .contains("\"requestedAt\":\"2026-12-03T05:00:00Z\"");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String wire = """
                {"schemaVersion":1,"jobId":"%s","priority":3,
                 "selector":{"kind":"CATALOG","type":"GAME","since":"2020-01-01"},
                 "requestedAt":"2026-12-03T05:00:00Z"}
                """.formatted(jobId);

        assertThat(json.readValue(wire, BulkSyncRequested.class))
                .isEqualTo(BulkSyncRequested.of(jobId, new BulkSelector.Catalog(MediaType.GAME), null, at));
    }

    @Test
    void aNewerSchemaVersionIsReadButNotSupported() {
        BulkSyncRequested newer = new BulkSyncRequested(Message.SCHEMA_VERSION + 1, jobId,
                new BulkSelector.Catalog(MediaType.GAME), null, at);

        assertThat(json.readValue(json.writeValueAsString(newer), BulkSyncRequested.class).isSupportedVersion())
                .isFalse();
    }

    @Test
    void idsAreDeduplicatedKeepingTheirFirstPlace() {
        var ids = new BulkSelector.Ids(MediaType.ANIME, List.of(5114L, 457L, 5114L, 1L, 457L));

        assertThat(ids.ids()).containsExactly(5114L, 457L, 1L);
    }

    @Test
    void aListNameIsKeptInLowerCase() {
        assertThat(new BulkSelector.TopList(MediaType.TV_SHOW, " Top_Rated ").list()).isEqualTo("top_rated");
    }

    @Test
    void badSelectorsAreRefusedWhenRead() {
        assertRefused("{\"kind\":\"SEASON\",\"type\":\"MANGA\",\"year\":2018,\"season\":\"winter\"}", "ANIME only");
        assertRefused("{\"kind\":\"SEASON\",\"type\":\"ANIME\",\"year\":2018,\"season\":\"autumn\"}", "autumn");
        assertRefused("{\"kind\":\"SEASON\",\"type\":\"ANIME\",\"year\":1800,\"season\":\"fall\"}", "year");
        assertRefused("{\"kind\":\"TOP\",\"type\":\"MOVIE\",\"list\":\" \"}", "list");
        assertRefused("{\"kind\":\"IDS\",\"type\":\"GAME\",\"ids\":[]}", "1 to 10000");
        assertRefused("{\"kind\":\"IDS\",\"type\":\"GAME\",\"ids\":[12,-3]}", "positive");
        assertRefused("{\"kind\":\"EVERYTHING\",\"type\":\"GAME\"}", "EVERYTHING");
        assertRefused("{\"type\":\"GAME\"}", "kind");
    }

    @Test
    void moreThanTenThousandIdsAreRefused() {
        List<Long> tooMany = LongStream.rangeClosed(1, BulkSelector.MAX_IDS + 1).boxed().toList();

        assertThatThrownBy(() -> new BulkSelector.Ids(MediaType.BOOK, tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("had 10001");
    }

    @Test
    void aSeasonOfAnotherTypeNamesWhatIsValid() {
        assertThatThrownBy(() -> new BulkSelector.Season(MediaType.MANGA, 2018, SeasonName.WINTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ANIME only").hasMessageContaining("MANGA");
    }

    private void assertRefused(String selector, String why) {
        String wire = """
                {"schemaVersion":1,"jobId":"%s","selector":%s,"requestedAt":"2026-12-03T05:00:00Z"}
                """.formatted(jobId, selector);
        assertThatThrownBy(() -> json.readValue(wire, BulkSyncRequested.class))
                .as(selector)
                .isInstanceOf(JacksonException.class)
                .hasStackTraceContaining(why);
    }
}
