package com.trackgeek.api.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a request body that could not be read, for the caller to fix it: which field, and why,
 * in the contracts' own words where a record refused a value (a season selector for a movie, too many ids). Never
 * a class name or a stack trace.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    static String describe(HttpMessageNotReadableException exception) {
        JacksonException jackson = find(exception);
        if (jackson == null) {
            return "The request needs a JSON body.";
        }
        if (jackson instanceof StreamReadException && !(jackson instanceof tools.jackson.databind.DatabindException)) {
            var location = jackson.getLocation();
            return "The body is not valid JSON" + (location == null ? "" : " (line " + location.getLineNr()
                    + ", column " + location.getColumnNr() + ")") + ".";
        }
        String path = path(jackson);
        return switch (jackson) {
            case ValueInstantiationException refused -> field(path) + refusal(refused);
            case InvalidTypeIdException typeId -> typeId(path, typeId);
            case InvalidFormatException format -> field(path) + "'" + format.getValue() + "' is not "
                    + expected(format.getTargetType()) + ".";
            case MismatchedInputException mismatch when isMissing(mismatch) ->
                    (path.isEmpty() ? "A value" : path) + " is required.";
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    field(path) + "expected " + expected(mismatch.getTargetType()) + ".";
            default -> field(path) + "the value does not fit: expected another shape (a number, a string, an object"
                    + " or a list, as documented).";
        };
    }

    /** A primitive left out (or null): Jackson maps the missing value to null and refuses it. */
    private static boolean isMissing(MismatchedInputException exception) {
        String message = exception.getOriginalMessage();
        return message != null && message.startsWith("Cannot map `null`");
    }

    private static JacksonException find(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String field(String path) {
        return path.isEmpty() ? "The body: " : path + ": ";
    }

    /** The record's own reason; a bare name is what {@code Objects.requireNonNull(value, "name")} says. */
    private static String refusal(ValueInstantiationException exception) {
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        if (cause instanceof NullPointerException && cause.getMessage() != null && !cause.getMessage().contains(" ")) {
            return cause.getMessage() + " is required.";
        }
        return cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage() + "."
                : "the value is not valid.";
    }

    private static String typeId(String path, InvalidTypeIdException exception) {
        Class<?> base = exception.getBaseType() == null ? null : exception.getBaseType().getRawClass();
        JsonSubTypes subtypes = base == null ? null : base.getAnnotation(JsonSubTypes.class);
        String known = subtypes == null ? "" : "; one of " + Arrays.stream(subtypes.value())
                .map(JsonSubTypes.Type::name).collect(Collectors.joining(", "));
        String at = path.isEmpty() ? "kind" : path + ".kind";
        return exception.getTypeId() == null ? at + " is required" + known + "."
                : at + ": '" + exception.getTypeId() + "' is not known" + known + ".";
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID (8-4-4-4-12 hexadecimal digits)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                    .map(field -> {
                        JsonProperty property = field.getAnnotation(JsonProperty.class);
                        return property == null ? field.getName() : property.value();
                    })
                    .collect(Collectors.joining(", "));
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
