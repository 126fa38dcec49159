package com.trackgeek.api.problem;

import com.trackgeek.contracts.ErrorCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 bodies that always carry the stable {@code code} callers switch on. */
final class Problems {

    static final String CODE = "code";

    /** The detail of a request Spring Security's firewall refused; never the refused value itself. */
    static final String REJECTED_REQUEST = "The request was refused: a header, parameter or its path holds characters"
            + " or sequences this API does not take.";

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code.name());
        return problem;
    }

    /**
     * The code of an error the framework raised before any of our code ran (routing, binding), by status.
     * Parameter binding errors are told apart by the handler, which knows the exception.
     */
    static ErrorCode codeForStatus(HttpStatusCode status) {
        if (status.is5xxServerError()) {
            return status.value() == 503 ? ErrorCode.PIPELINE_UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
        }
        // No dedicated code exists for "no such route" or "method not allowed"; the status tells them apart.
        return ErrorCode.INVALID_REQUEST;
    }
}
