package fr.litiges.prevention;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.litiges.prevention.api.PreventionRequest;
import fr.litiges.prevention.api.PreventionResponse;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** The documented shapes of the prevention batch (the endpoint reads the body as a tree, item by item). */
final class PreventionBatch {
    private PreventionBatch() {
    }

    @Schema(name = "PreventionBatchRequest", description = "Portfolios to plan together")
    record Request(@ArraySchema(minItems = 1, maxItems = 200, schema = @Schema(implementation = PreventionRequest.class))
                   List<PreventionRequest> portfolios) {
    }

    @Schema(name = "PreventionBatchResponse", description = "One result per portfolio, in order")
    record Response(List<Result> results) {
    }

    /** Exactly one of {@code portfolio} and {@code error}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PreventionBatchResult", description = "Either the plans of one portfolio or the problem with it")
    record Result(PreventionResponse portfolio, @Schema(description = "Why this portfolio got no plans") ProblemDetail error) {
    }
}
