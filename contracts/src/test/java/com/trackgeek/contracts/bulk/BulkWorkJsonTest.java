package com.trackgeek.contracts.bulk;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.ServiceJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkWorkJsonTest {

    private final JsonMapper json = ServiceJson.mapper();

    private final UUID jobId = UUID.fromString("6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71");
    private final Instant at = Instant.parse("2026-12-03T05:00:00Z");

    @Test
    void everyKindOfWorkIsReadBackAsTheKindItWas() {
        List<BulkWork> sent = List.of(
                BulkWork.ExpandPage.of(jobId, 3, at),
                BulkWork.FetchItems.of(jobId, MediaType.GAME, List.of(1942L, 19560L), at),
                BulkWork.ReplayFailed.of(jobId, 1, at));
        for (BulkWork work : sent) {
            String written = json.writeValueAsString(work);

            BulkWork read = json.readValue(written, BulkWork.class);

            assertThat(read).isEqualTo(work);
        }
        assertThat(json.writeValueAsString(sent.get(1))).contains("\"kind\":\"FETCH_ITEMS\"");
    }

    @Test
    void aJobsBatchesAreKeyedApartSoTheySpreadOverPartitionsWhileItsPagesStayInOrder() {
        var first = BulkWork.FetchItems.of(jobId, MediaType.GAME, List.of(1L, 2L), at);
        var second = BulkWork.FetchItems.of(jobId, MediaType.GAME, List.of(3L, 4L), at);

        assertThat(first.key()).isNotEqualTo(second.key()).startsWith(jobId.toString());
        assertThat(BulkWork.ExpandPage.of(jobId, 1, at).key()).isEqualTo(BulkWork.ExpandPage.of(jobId, 2, at).key());
    }

    @Test
    void workThatCannotBeDoneIsRefusedWhenRead() {
        assertThatThrownBy(() -> json.readValue("""
                {"kind":"FETCH_ITEMS","schemaVersion":1,"jobId":"6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71",
                 "type":"GAME","ids":[],"requestedAt":"2026-12-03T05:00:00Z"}
                """, BulkWork.class)).hasMessageContaining("at least one id");
        assertThatThrownBy(() -> json.readValue("""
                {"kind":"EXPAND_PAGE","schemaVersion":1,"jobId":"6f1c2a4e-8a0b-4c55-9d3e-3b2f1d0c9a71",
                 "page":0,"requestedAt":"2026-12-03T05:00:00Z"}
                """, BulkWork.class)).hasMessageContaining("from 1");
    }
}
