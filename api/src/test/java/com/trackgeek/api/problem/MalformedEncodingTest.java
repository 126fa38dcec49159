package com.trackgeek.api.problem;

import com.trackgeek.api.ApiIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed encoding anywhere in a request target is the caller's mistake: a 400 problem detail with a code,
 * never a 500 or Tomcat's HTML page, whether Tomcat refuses it in its connector or a parameter cannot be
 * decoded later. Over real connections: java.net.http where it sends the bytes, a raw socket where it refuses.
 */
class MalformedEncodingTest extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/anime/457?x=%ff",            // not UTF-8
            "/api/v1/anime/457?%ff=1",            // in a parameter's name
            "/api/v1/anime/457?x=%c3%28",         // a broken two-byte sequence
            "/api/v1/anime/457?wait=%ff",         // in a parameter the API reads
            "/api/v1/anime/%00",                  // NUL in the path
            "/api/v1/anime%2F457",                // an encoded slash
            "/api/v1/anime/45%2F7",
            "/api/v1/anime/%ff",                  // not UTF-8 in the path
            "/api/v1/anime/%c3%28",
            "/api/v1/anime/457;x=%ff",            // in a path parameter, which Tomcat leaves undecoded
    })
    void aMalformedEncodingSentByAnHttpClientIs400(String target) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(target)).GET());

        assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/anime/457?x=%zz",            // not hexadecimal
            "/api/v1/anime/457?x=%",              // '%' at the end
            "/api/v1/anime/457?x=%u0041",         // a non-standard escape
            "/api/v1/anime/%zz",
            "/api/v1/anime/45%",
            "/api/v1/anime/{457}",                // characters a request target may not hold at all
    })
    void aMalformedEncodingAClientRefusesToSendIs400(String target) throws IOException {
        String response = rawGet(target);

        int headerEnd = response.indexOf("\r\n\r\n");
        String head = response.substring(0, headerEnd);
        String status = head.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3);
        String contentType = head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse(null);
        assertProblem(Integer.parseInt(status), contentType, response.substring(headerEnd + 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?wait=0&x=%E9%8B%BC", "?wait=0&q=a+b%20c", "?wait=0&x=", "?wait=0&&"})
    void aWellEncodedQueryIsNotRefused(String query) {
        HttpResponse<String> response = get(itemPath(newAnimeKey()) + query);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private void assertProblem(int status, String contentType, String body) {
        assertThat(status).as(body).isEqualTo(400);
        assertThat(contentType).as(body).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.get("code").asString()).isIn("INVALID_REQUEST", "INVALID_PARAMETER");
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    /** The request line exactly as given; the whole answer, the connection closed after it. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target, e);
        }
    }
}
