package com.trackgeek.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Optional;

/**
 * Replaces Boot's whitelabel error controller for the errors that never reach a handler method (rejected by
 * the servlet container or a filter), so that they too are problem details with a code.
 *
 * <p>Written straight to the response, not through Spring's content negotiation and return value handling: the
 * request that failed may be the very reason those would fail too (an Accept header that is no list of media types,
 * a path parameter that is no valid %-escape, which Tomcat's TRACE refusal sends here without any filter having
 * looked at it), and the error page would then be an empty answer or a 500.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Called directly (no error attributes) it is just a path that does not exist.
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : HttpStatus.NOT_FOUND;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.getReasonPhrase();
        Optional<String> callersMistake = callersMistake(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        if (callersMistake.isPresent()) {
            status = HttpStatus.BAD_REQUEST;
            detail = callersMistake.get();
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        ProblemWriter.write(response, status, Problems.codeForStatus(status), detail, path);
    }

    /**
     * A filter's failure that is the caller's doing, not ours: the firewall's refusal of a header read after the
     * security chain, or a form body (of a PUT, PATCH or DELETE, which Spring's form filter reads) that cannot be
     * decoded.
     */
    private static Optional<String> callersMistake(Object exception) {
        for (Throwable cause = exception instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRejectedException) {
                return Optional.of(Problems.REJECTED_REQUEST);
            }
            if (cause instanceof HttpMessageNotReadableException) {
                return Optional.of("The request's body cannot be read: a form body must be valid percent-encoded UTF-8.");
            }
        }
        return Optional.empty();
    }
}
