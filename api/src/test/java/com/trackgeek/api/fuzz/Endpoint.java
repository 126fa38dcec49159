package com.trackgeek.api.fuzz;

import java.util.List;

/**
 * One operation of the api as the app itself describes it (its OpenAPI document, or the actuator's links): what
 * the fuzz run generates requests for, so that an endpoint added later is fuzzed without editing the test.
 *
 * @param method      the HTTP method
 * @param path        the path template, {@code {name}} for each path parameter
 * @param parameters  its path, query and header parameters
 * @param bodyExample a valid-looking JSON body built from the documented schema, or null when it takes none
 */
record Endpoint(String method, String path, List<Parameter> parameters, String bodyExample) {

    /** Where a parameter travels, and the documented type of its value ({@code string}, {@code integer}, ...). */
    record Parameter(String name, String in, String type) {
    }

    boolean takesBody() {
        return bodyExample != null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
