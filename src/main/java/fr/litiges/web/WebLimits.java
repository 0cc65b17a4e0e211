package fr.litiges.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP layer (decision-api.md: 1 MiB for one complaint, 16 MiB and 1000 items for a batch).
 *
 * @param maxBodySize      largest request body on every endpoint but the batch
 * @param maxBatchBodySize largest request body on {@code POST /api/v1/decisions/batch}
 * @param maxBatchSize     most complaints in one batch
 * @param maxReplayBodySize largest request body of a replay or report of up to 10,000 complaints
 *                          ({@code POST /api/v1/reports/disputes}, {@code POST /api/v1/rulesets/candidates/{id}/impact})
 */
@ConfigurationProperties("litiges.web")
record WebLimits(@DefaultValue("1MB") DataSize maxBodySize,
                 @DefaultValue("16MB") DataSize maxBatchBodySize,
                 @DefaultValue("1000") int maxBatchSize,
                 @DefaultValue("32MB") DataSize maxReplayBodySize) {
}
