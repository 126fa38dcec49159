package com.trackgeek.api.fuzz;

import com.trackgeek.api.ApiIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The requests the fuzz run ({@link HttpInputFuzzTest}) found answered with a 5xx, an empty body or no problem
 * detail, each with the answer it gets now: kept as plain cases, so that they stay fixed whatever the fuzz run's
 * seed and size.
 */
class FuzzFindingsTest extends ApiIntegrationTest {

    static Stream<Arguments> findings() {
        String many = "application/json" + ", x/y;q=0.5".repeat(60);
        return Stream.of(
                // Tomcat's 505 and 501: the caller's to fix, so 400s
                arguments("a version other than HTTP/1.0 or 1.1", "GET /api/v1/anime/1 HTTP/1.2\r\n", "", 400),
                arguments("CONNECT", "CONNECT /api/v1/anime/1 HTTP/1.1\r\n", "", 400),
                arguments("a transfer coding Tomcat does not implement", "POST /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "Transfer-Encoding: bogus\r\nContent-Length: 2\r\n\r\n{}", 400),
                // Accept headers Spring cannot read: a 406 without any body before
                arguments("an Accept header that is no media type", "GET /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "Accept: foo\r\n", 400),
                arguments("an Accept header with a bad quality", "GET /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "Accept: */*;q=abc\r\n", 400),
                arguments("an Accept header of more than 50 types", "GET /actuator/prometheus HTTP/1.1\r\n",
                        "Accept: " + many + "\r\n", 400),
                arguments("a charset JSON is not written in", "GET /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "Accept: application/json; charset=utf-16\r\n", 406),
                // a blank Accept is none: the Prometheus endpoint failed on it (500)
                arguments("a blank Accept header", "GET /actuator/prometheus HTTP/1.1\r\n", "Accept: \r\n", 200),
                // bodies Spring could not even start to read: 500s before
                arguments("a Content-Type with a wildcard", "POST /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "X-API-Key: " + BULK_KEY + "\r\nContent-Type: application/*\r\nContent-Length: 2\r\n\r\n{}", 400),
                arguments("a multipart body without a boundary", "GET /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "Content-Type: multipart/form-data; boundary=\r\nContent-Length: 2\r\n\r\n{}", 400),
                arguments("a header Spring Security's firewall refuses once read", "POST /api/v1/bulk-syncs HTTP/1.1\r\n",
                        "X-API-Key: " + BULK_KEY + "\r\nContent-Type: " + Draft.rawUtf8("鋼の錬金術師")
                                + "\r\nContent-Length: 2\r\n\r\n{}", 400),
                // the actuator's 404s had no body at all
                arguments("an unknown health group", "GET /actuator/health/nothing HTTP/1.1\r\n", "", 404),
                arguments("an unknown configuration prefix", "GET /actuator/configprops/nothing HTTP/1.1\r\n",
                        "X-API-Key: " + OPERATOR_KEY + "\r\n", 404),
                // TRACE goes straight to the error page, past every filter: its path is whatever the caller sent
                arguments("TRACE with a bad escape in a path parameter", "TRACE /api/v1/anime/1;% HTTP/1.1\r\n", "", 405),
                arguments("TRACE with an Accept header that is no media type", "TRACE /api/v1/search HTTP/1.1\r\n",
                        "Accept: foo\r\n", 405),
                // a form body Spring's form filter cannot decode, before any handler runs
                arguments("a PATCH with an undecodable form body", "PATCH /error HTTP/1.1\r\n",
                        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%zz", 400),
                // PostgreSQL's text holds no NUL; a query of accents alone folds to nothing, which no provider takes
                arguments("a search for NUL", "GET /api/v1/search?q=a%00b HTTP/1.1\r\n", "", 400),
                arguments("a search for accents alone", "GET /api/v1/search?q=%CC%81%CC%81 HTTP/1.1\r\n", "", 400),
                // a request line without a version: Tomcat answers as HTTP/0.9, with the body alone
                arguments("an empty request target", "POST  HTTP/1.1\r\n", "", RawAnswer.HTTP_09));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("findings")
    void isASuccessOrAProblemDetail(String finding, String requestLine, String rest, int status) {
        String headers = rest.contains("\r\n\r\n") ? rest : rest + "\r\n";
        byte[] request = (requestLine + "Host: localhost\r\nConnection: close\r\n" + headers)
                .getBytes(StandardCharsets.ISO_8859_1);
        FuzzCase fuzzCase = new FuzzCase(0, 0, new Endpoint("GET", "/", java.util.List.of(), null), finding, request);

        RawAnswer answer = new RawHttp(port, Duration.ofSeconds(15)).exchange(request, false);

        assertThat(answer.status()).as(answer.describe()).isEqualTo(status);
        assertThat(Verdict.problemWith(fuzzCase, answer, json)).as(answer.describe()).isEmpty();
    }
}
