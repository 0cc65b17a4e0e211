package fr.litiges.web;

import fr.litiges.decision.api.Complaint;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The documented shape of a batch. The endpoint itself reads the body as a JSON tree, so that one
 * malformed item is reported in its own result instead of failing the whole batch.
 */
@Schema(description = "Complaints to decide together")
record BatchRequest(@ArraySchema(minItems = 1, maxItems = 1000, schema = @Schema(implementation = Complaint.class))
                    List<Complaint> complaints) {
}
