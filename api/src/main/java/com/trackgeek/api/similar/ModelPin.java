package com.trackgeek.api.similar;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT /api/v1/similar/model}. */
record ModelPin(@Schema(example = "all-minilm-l6-v2-q", requiredMode = Schema.RequiredMode.REQUIRED) String model) {
}
