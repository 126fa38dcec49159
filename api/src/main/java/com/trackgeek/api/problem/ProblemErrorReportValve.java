package com.trackgeek.api.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as a problem detail instead of an HTML page. Tomcat refuses some requests before any
 * filter or servlet sees them (a request target with {@code %00}, an encoded slash, a bad %-escape, invalid
 * UTF-8, characters HTTP does not allow) and answers them through this valve of the host, so neither Spring's
 * error handling nor {@link ProblemErrorController} can. Anything else that ends here with nothing written is
 * answered the same way.
 *
 * <p>Two of Tomcat's refusals are client errors the caller can fix, so they are answered as 400s rather than as
 * the 5xx Tomcat picks, which would count as the api's own failures: 505 for a request line whose version is not
 * HTTP/1.0 or HTTP/1.1 ({@code HTTP/1.2}, {@code HTTP/}), and 501 for the method CONNECT or a Transfer-Encoding
 * other than chunked. No code of the api answers 501 or 505 itself.
 *
 * <p>A 4xx the application set without writing a body (the actuator's 404 for an unknown health group or
 * configuration prefix, with nothing in it) is given one too: a 4xx is always a problem detail.
 *
 * <p>Tomcat's own checks are kept: nothing below 400, nothing once a body has been written or the response is
 * committed, nothing when the error was reported already or the connection takes no more output.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** Public and without arguments: {@code StandardHost} may instantiate its error valve by class name. */
    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int statusCode = response.getStatus();
        if (statusCode < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        // An error Tomcat or sendError raised is reported once; a status the application merely set, with no body.
        boolean bodilessStatus = !response.isError() && statusCode < 500;
        if (!bodilessStatus && !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = statusCode < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = detail(status);
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED) {
            status = HttpStatus.BAD_REQUEST;
            detail = "The request line's HTTP version must be HTTP/1.1 or HTTP/1.0.";
        } else if (status == HttpStatus.NOT_IMPLEMENTED) {
            status = HttpStatus.BAD_REQUEST;
            detail = "CONNECT".equals(request.getMethod()) ? "This server is no proxy: CONNECT is not a method it takes."
                    : "The request's Transfer-Encoding must be chunked, or absent with a Content-Length.";
        }
        try {
            ProblemWriter.write(response, status, Problems.codeForStatus(status), detail, request.getRequestURI());
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the response cannot take a body any more: nothing is left to do.
        }
    }

    private static String detail(HttpStatus status) {
        if (status == HttpStatus.BAD_REQUEST) {
            return "The request is malformed: its target must be a URI with valid %-escapes of UTF-8 text,"
                    + " without %00 or an encoded slash, and its request line and headers must follow HTTP's syntax.";
        }
        return status.getReasonPhrase() + ".";
    }
}
