package com.trackgeek.api.similar;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.api.problem.ApiException;
import com.trackgeek.contracts.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Map;

/**
 * The operator's view and control of which model answers similar titles. Pinning and unpinning are writes under
 * {@code /api/v1}, so they need an API key with the scope configured for {@code /api/v1/similar/**}
 * ({@code similar:write} in api.yml); the view is a read like any other. A pin is stored in PostgreSQL and takes
 * effect on this instance at once, on the others at their next catch-up.
 */
@RestController
final class SimilarModelController {

    static final String MODEL_PATH = ApiPaths.PREFIX + "/similar/model";

    private final ActiveModel active;
    private final StoredModels models;
    private final PinnedModel pinned;
    private final VectorIndex index;
    private final IndexRefresher refresher;

    SimilarModelController(ActiveModel active, StoredModels models, PinnedModel pinned, VectorIndex index,
                           IndexRefresher refresher) {
        this.active = active;
        this.refresher = refresher;
        this.models = models;
        this.pinned = pinned;
        this.index = index;
    }

    @Operation(summary = "The model that answers similar titles",
            description = "The active model and why (pinned, covers-catalog, most-vectors), the operator's pin, and"
                    + " per stored model its vector count and the share of the catalog it covers.")
    @GetMapping(value = MODEL_PATH, produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    ModelsView view() {
        ActiveModel.Choice choice = active.current();
        long catalog = models.catalogItems();
        Map<String, Long> covered = models.storedItemsCovered();
        var perModel = models.stats().stream().map(model -> {
            long items = covered.getOrDefault(model.model(), 0L);
            return new ModelsView.Model(model.model(), model.vectors(), items, catalog == 0 ? 0 : (double) items / catalog,
                    model.latest(), index.model(model.model()).map(ModelIndex::size).orElse(0));
        }).toList();
        return new ModelsView(choice.model(), choice.why(), pinned.find().orElse(null), catalog, perModel);
    }

    @Operation(summary = "Pin the model that answers similar titles",
            description = "Needs an API key with scope similar:write. 404 EMBEDDING_MODEL_NOT_FOUND when no vector of"
                    + " the model is stored; 400 INVALID_PARAMETER without a model.")
    @PutMapping(value = MODEL_PATH, produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    ModelsView pin(@RequestBody ModelPin body, Principal caller) {
        if (body == null || body.model() == null || body.model().isBlank()) {
            throw ApiException.invalidParameter("The body names the model to pin: {\"model\":\"all-minilm-l6-v2-q\"}.");
        }
        String model = body.model().trim();
        if (models.stats().stream().noneMatch(stats -> stats.model().equals(model))) {
            throw ApiException.of(ErrorCode.EMBEDDING_MODEL_NOT_FOUND, HttpStatus.NOT_FOUND,
                    "No vector of model '" + model + "' is stored, so it cannot answer similar titles.");
        }
        pinned.pin(model, caller == null ? null : caller.getName());
        refresher.catchUp(); // the pinned model's latest vectors are in this instance's index before it answers
        return view();
    }

    @Operation(summary = "Unpin: the rule chooses the model again",
            description = "Needs an API key with scope similar:write.")
    @DeleteMapping(value = MODEL_PATH, produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    ModelsView unpin() {
        pinned.unpin();
        refresher.catchUp();
        return view();
    }
}
