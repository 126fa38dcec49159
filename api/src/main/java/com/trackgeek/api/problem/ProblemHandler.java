package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Duration;

/**
 * Every error leaves as an RFC 9457 problem detail with a {@code code}: our own {@link ApiException}s, the
 * framework's routing and binding errors (which {@link ResponseEntityExceptionHandler} already renders, minus
 * the code), and anything unexpected, which is logged and answered without internals.
 */
@RestControllerAdvice
final class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException exception) {
        HttpHeaders headers = new HttpHeaders();
        exception.retryAfter().ifPresent(delay ->
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, delay.toSeconds()))));
        ProblemDetail problem = Problems.of(exception.status(), exception.code(), exception.getMessage());
        exception.properties().forEach(problem::setProperty);
        withInstance(problem);
        return ResponseEntity.status(exception.status())
                .headers(headers)
                .body(problem);
    }

    /**
     * Tomcat could not decode a parameter (a form body, or a query string {@link MalformedRequestFilter} did
     * not see): the caller's encoding, not our failure.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUndecodableParameter(InvalidParameterException exception) {
        return handleApiException(ApiException.of(ErrorCode.INVALID_REQUEST,
                "The request's parameters are not valid percent-encoded UTF-8."));
    }

    /**
     * A multipart body that cannot be parsed (no boundary, a broken part): Spring's dispatcher parses any request
     * that says it is multipart, even where no endpoint takes one. A body over the size limit is the base class's 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleUnreadableMultipart(MultipartException exception) {
        return handleApiException(ApiException.of(ErrorCode.INVALID_REQUEST,
                "The request's multipart body cannot be read; no endpoint of this API takes one."));
    }

    /**
     * Spring Security's firewall refused a header or parameter the moment something read it (a value with bytes
     * that are not ASCII text, say): the caller's request, not our failure. Its message quotes the value, which may
     * be a secret, so the detail does not.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejectedRequest(RequestRejectedException exception) {
        return handleApiException(ApiException.of(ErrorCode.INVALID_REQUEST, Problems.REJECTED_REQUEST));
    }

    /** PostgreSQL is unreachable or overloaded: not the caller's fault, and worth retrying. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> handleDatabaseUnavailable(RuntimeException exception) {
        log.warn("Database unavailable: {}", exception.getMessage());
        return handleApiException(ApiException.of(ErrorCode.PIPELINE_UNAVAILABLE,
                "The database is unavailable; try again shortly.").retryAfter(Duration.ofSeconds(5)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status)
                .body(withInstance(Problems.of(status, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side.")));
    }

    /** A body that cannot be read: the detail names the field and the reason, so the caller can fix it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return handleExceptionInternal(exception, Problems.of(status, ErrorCode.INVALID_REQUEST,
                UnreadableBody.describe(exception)), headers, status, request);
    }

    /**
     * No converter writes the type the caller accepts: {@code Accept: application/json; charset=utf-16} matches
     * what an endpoint produces, but its JSON is UTF-8 only. A 406, as for any type the caller cannot have; any
     * other failure to write is ours (500).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String message = exception.getMessage();
        if (message != null && message.startsWith("No converter") && request.getHeader(HttpHeaders.ACCEPT) != null) {
            HttpStatus notAcceptable = HttpStatus.NOT_ACCEPTABLE;
            return handleExceptionInternal(exception, Problems.of(notAcceptable, ErrorCode.INVALID_REQUEST,
                    "This answer is JSON in UTF-8, which the Accept header does not take (a charset other than UTF-8?)."),
                    headers, notAcceptable, request);
        }
        return super.handleHttpMessageNotWritable(exception, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty(Problems.CODE, codeFor(exception, status).name());
            problem.setDetail(CallerText.scrub(problem.getDetail()));
            withInstance(problem);
        }
        if (status.is5xxServerError()) {
            log.error("Framework error answered with {}", status, exception);
        }
        return response;
    }

    /**
     * The request's path as the problem's {@code instance}, with what must not be repeated left out (see
     * {@link CallerText}); set here, since Spring MVC would otherwise set the raw path.
     */
    private static ProblemDetail withInstance(ProblemDetail problem) {
        if (problem.getInstance() == null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            CallerText.instance(request.getRequest().getRequestURI()).ifPresent(problem::setInstance);
        }
        return problem;
    }

    private static ErrorCode codeFor(Exception exception, HttpStatusCode status) {
        boolean badParameter = exception instanceof TypeMismatchException
                || exception instanceof ServletRequestBindingException
                || exception instanceof HandlerMethodValidationException;
        if (badParameter && status.is4xxClientError()) {
            return ErrorCode.INVALID_PARAMETER;
        }
        return Problems.codeForStatus(status);
    }
}
