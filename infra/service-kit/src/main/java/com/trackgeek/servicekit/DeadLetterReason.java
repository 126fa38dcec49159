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

    /**
     * The innermost message: "Unexpected character ('g' ...)" says more than the listener wrapper around it. When a
     * record's constructor refused what JSON gave it (a bare {@code NullPointerException: requestId}), the JSON
     * library's message around it says which record and why ("Cannot construct instance of `...`, problem: requestId").
     */
    public static String reasonOf(Throwable failure) {
        Throwable root = failure;
        Throwable json = null;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (isJson(root) && root.getMessage() != null) {
                json = root;
            }
        }
        Throwable telling = json != null && !isJson(root) ? json : root;
        String message = telling.getMessage() == null ? telling.getClass().getSimpleName() : telling.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 500 ? firstLine.substring(0, 500) + "..." : firstLine;
    }

    private static boolean isJson(Throwable failure) {
        String name = failure.getClass().getName();
        return name.startsWith("tools.jackson") || name.startsWith("com.fasterxml.jackson");
    }

    /**
     * Whether the record itself is at fault, whatever is tried again: it cannot be read (not JSON, not the listener's
     * type, too large, no value at all) or is declared unprocessable (an unsupported schema version). A consumer that
     * skips records failing for other reasons still dead-letters these.
     */
    public static boolean isPoison(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableMessageException) {
                return true;
            }
        }
        return isUnreadable(failure);
    }

    /**
     * Not convertible into the listener's parameter: a JSON or conversion failure, or no payload to resolve the
     * parameter from (a record with a null value).
     */
    private static boolean isUnreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.endsWith("ConversionException") || name.endsWith("DeserializationException")
                    || name.endsWith("MethodArgumentResolutionException") || name.endsWith("MethodArgumentNotValidException")
                    || name.startsWith("tools.jackson") || name.startsWith("com.fasterxml.jackson")) {
                return true;
            }
        }
        return false;
    }
}
