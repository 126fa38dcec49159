package com.trackgeek.api.bulksync;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.problem.CallerText;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which of a job's items a listing shows: every one ({@code outcome} absent), those with one outcome, or the
 * pending ones ({@code outcome=pending}, no outcome yet).
 *
 * @param outcome null for every item
 */
record ItemFilter(String outcome) {

    static final String PENDING = "pending";

    static ItemFilter of(String text) {
        if (text == null || text.isBlank()) {
            return new ItemFilter(null);
        }
        String value = text.strip();
        if (!PENDING.equals(value) && BulkItemOutcome.parse(value).isEmpty()) {
            throw ApiException.invalidParameter("outcome is one of " + Stream.concat(
                            Arrays.stream(BulkItemOutcome.values()).map(BulkItemOutcome::value), Stream.of(PENDING))
                    .collect(Collectors.joining(", ")) + ", not " + CallerText.quoted(value) + ".");
        }
        return new ItemFilter(value);
    }

    String condition() {
        if (outcome == null) {
            return "";
        }
        return PENDING.equals(outcome) ? " and outcome is null" : " and outcome = :outcome";
    }

    JdbcClient.StatementSpec apply(JdbcClient.StatementSpec statement) {
        return outcome == null || PENDING.equals(outcome) ? statement : statement.param("outcome", outcome);
    }
}
