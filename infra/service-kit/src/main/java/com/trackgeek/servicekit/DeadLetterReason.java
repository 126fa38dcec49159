package com.trackgeek.servicekit;

import com.trackgeek.contracts.ErrorCode;

/**
 * The headers a dead-letter record carries besides Spring Kafka's own {@code kafka_dlt-*} headers: a stable
 * code and a one-line reason a person can read without a stack trace.
 */
public final class DeadLetterReason {

    public static final String CODE_HEADER = "trackgeek-dlt-code";
    public static final String REASON_HEADER = "trackgeek-dlt-reason";

    private DeadLetterReason() {
    }

    static ErrorCode codeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableMessageException unprocessable) {
                return unprocessable.code();
            }
            if (cause instanceof RetryLaterException later) {
                return later.code();
            }
        }
        return isUnreadable(failure) ? ErrorCode.MALFORMED_MESSAGE : ErrorCode.INTERNAL_ERROR;
    }

    /** The innermost message: "Unexpected character ('g' ...)" says more than the listener wrapper around it. */
    static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 500 ? firstLine.substring(0, 500) + "..." : firstLine;
    }

    private static boolean isUnreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.endsWith("ConversionException") || name.endsWith("DeserializationException")
                    || name.startsWith("tools.jackson") || name.startsWith("com.fasterxml.jackson")) {
                return true;
            }
        }
        return false;
    }
}
