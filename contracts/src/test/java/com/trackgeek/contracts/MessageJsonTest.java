package com.trackgeek.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageJsonTest {

    private final JsonMapper json = ServiceJson.mapper();

    private final UUID requestId = UUID.fromString("0b5e8a52-4b8e-4a43-9d0c-2b1d3c7a9e10");
    private final MediaKey fmab = MediaKey.of(MediaType.ANIME, 5114);
    private final Instant at = Instant.parse("2026-11-21T10:15:30Z");

    @Test
    void fetchRequestedSurvivesARoundTripAsASyncRequest() {
        SyncRequest sent = FetchRequested.of(requestId, fmab, SyncLane.INTERACTIVE, at);

        SyncRequest read = json.readValue(json.writeValueAsString(sent), SyncRequest.class);

        assertThat(read).isEqualTo(sent).isInstanceOf(FetchRequested.class);
        assertThat(read.schemaVersion()).isEqualTo(Message.SCHEMA_VERSION);
    }

    @Test
    void refreshRequestedSurvivesARoundTripAsASyncRequest() {
        SyncRequest sent = RefreshRequested.of(requestId, fmab, SyncLane.BULK, at);

        assertThat(json.readValue(json.writeValueAsString(sent), SyncRequest.class)).isEqualTo(sent);
    }

    @Test
    void syncEventsSurviveARoundTripAndKeepTheirKind() {
        SyncEvent synced = ItemSynced.of(requestId, fmab, at);
        SyncEvent failed = SyncFailed.of(requestId, fmab, ErrorCode.JIKAN_SERVICE_UNAVAILABLE, "HTTP 503", at);

        assertThat(json.readValue(json.writeValueAsString(synced), SyncEvent.class)).isEqualTo(synced);
        assertThat(json.readValue(json.writeValueAsString(failed), SyncEvent.class)).isEqualTo(failed);
    }

    @Test
    void embeddingRequestedSurvivesARoundTrip() {
        EmbeddingRequested sent = EmbeddingRequested.of(requestId, fmab, EmbeddingLane.HIGH, at);

        assertThat(json.readValue(json.writeValueAsString(sent), EmbeddingRequested.class)).isEqualTo(sent);
    }

    @Test
    void theWireFormatIsReadableAndStable() {
        String wire = json.writeValueAsString(FetchRequested.of(requestId, fmab, SyncLane.INTERACTIVE, at));

        assertThat(wire)
                .contains("\"kind\":\"FETCH_REQUESTED\"")
                .contains("\"schemaVersion\":1")
                .contains("\"item\":{\"type\":\"ANIME\",\"id\":5114}")
                .contains("\"lane\":\"INTERACTIVE\"")
                .contains("\"requestedAt\":\"2026-11-21T10:15:30Z\"");
    }

    @Test
    void anUnknownExtraFieldFromANewerProducerIsTolerated() {
        String wire = """
                {"kind":"FETCH_REQUESTED","schemaVersion":1,"requestId":"%s",
                 "item":{"type":"ANIME","id":5114,"title":"added later"},
                 "lane":"INTERACTIVE","requestedAt":"2026-11-21T10:15:30Z","priority":7}
                """.formatted(requestId);

        assertThat(json.readValue(wire, SyncRequest.class))
                .isEqualTo(FetchRequested.of(requestId, fmab, SyncLane.INTERACTIVE, at));
    }

    @Test
    void anUnknownErrorCodeFromANewerProducerReadsAsUnknown() {
        String wire = """
                {"event":"SYNC_FAILED","schemaVersion":1,"requestId":"%s","item":{"type":"ANIME","id":5114},
                 "code":"SOMETHING_NEW","failedAt":"2026-11-21T10:15:30Z"}
                """.formatted(requestId);

        assertThat(((SyncFailed) json.readValue(wire, SyncEvent.class)).code()).isEqualTo(ErrorCode.UNKNOWN);
    }

    @Test
    void aNewerSchemaVersionIsReadButFlaggedUnsupported() {
        String wire = """
                {"kind":"FETCH_REQUESTED","schemaVersion":2,"requestId":"%s","item":{"type":"ANIME","id":5114},
                 "lane":"INTERACTIVE","requestedAt":"2026-11-21T10:15:30Z"}
                """.formatted(requestId);

        assertThat(json.readValue(wire, SyncRequest.class).isSupportedVersion()).isFalse();
    }

    @Test
    void aMessageWithoutItsItemIsRejected() {
        String wire = """
                {"kind":"FETCH_REQUESTED","schemaVersion":1,"requestId":"%s","lane":"INTERACTIVE",
                 "requestedAt":"2026-11-21T10:15:30Z"}
                """.formatted(requestId);

        assertThatThrownBy(() -> json.readValue(wire, SyncRequest.class)).hasRootCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void anUnknownCommandKindIsRejected() {
        String wire = """
                {"kind":"DELETE_EVERYTHING","schemaVersion":1,"requestId":"%s","item":{"type":"ANIME","id":5114}}
                """.formatted(requestId);

        assertThatThrownBy(() -> json.readValue(wire, SyncRequest.class)).isNotNull();
    }
}
