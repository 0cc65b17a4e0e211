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
 * @param maxConcurrentBatches batches (of complaints or of prevention portfolios) deciding at once
 *                         on this instance; more answer 503 with
 *                         Retry-After. 0 (the default) means half the processors, at least one,
 *                         so single decisions always keep a processor
 * @param retryAfter       the Retry-After a refused batch is given, in seconds
 * @param maxReplayBodySize largest request body of a replay or report of up to 10,000 complaints
 *                          ({@code POST /api/v1/reports/disputes}, {@code POST /api/v1/rulesets/candidates/{id}/impact})
 * @param decisionPermits  decisions running at once over HTTP, single ones and batch items together
 *                         (a batch decides this many of its items at once); 0 (the default) means
 *                         one per processor. A fair queue, so a single request waits about one decision
 */
@ConfigurationProperties("litiges.web")
record WebLimits(@DefaultValue("1MB") DataSize maxBodySize,
                 @DefaultValue("16MB") DataSize maxBatchBodySize,
                 @DefaultValue("1000") int maxBatchSize,
                 @DefaultValue("0") int maxConcurrentBatches,
                 @DefaultValue("5") int retryAfter,
                 @DefaultValue("32MB") DataSize maxReplayBodySize,
                 @DefaultValue("0") int decisionPermits) {

    int effectiveConcurrentBatches() {
        return maxConcurrentBatches > 0 ? maxConcurrentBatches : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    int effectiveDecisionPermits() {
        return decisionPermits > 0 ? decisionPermits : Runtime.getRuntime().availableProcessors();
    }
}
