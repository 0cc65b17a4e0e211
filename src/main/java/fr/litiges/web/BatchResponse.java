package fr.litiges.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.litiges.decision.api.Decision;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** One result per complaint of the batch, in the same order. */
@Schema(description = "The results of a batch, in the order of its complaints")
record BatchResponse(List<Result> results) {

    /** Exactly one of {@code decision} and {@code error}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchResult", description = "Either the decision or the problem for one complaint")
    record Result(Decision decision,
                  @Schema(implementation = ProblemSchema.class, description = "Why this complaint got no decision") ProblemDetail error) {

        static Result of(Decision decision) {
            return new Result(decision, null);
        }

        static Result failed(ProblemDetail error) {
            return new Result(null, error);
        }
    }
}
