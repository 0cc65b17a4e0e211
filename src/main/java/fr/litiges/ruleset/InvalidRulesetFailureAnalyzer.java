package fr.litiges.ruleset;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken ruleset at start into a short message an analyst can act on, instead of a stack trace. */
class InvalidRulesetFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRulesetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRulesetException cause) {
        return new FailureAnalysis("The rules could not be loaded. " + cause.getMessage(),
                "Fix the files named above (open the sheet and row, or go to the line), then start again.", cause);
    }
}
