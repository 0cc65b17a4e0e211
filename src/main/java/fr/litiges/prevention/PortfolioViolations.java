package fr.litiges.prevention;

import fr.litiges.web.ApiProblems.FieldError;
import java.util.List;

/** A portfolio that breaks the contract, with every bad field (JSON paths). */
final class PortfolioViolations extends RuntimeException {
    private final List<FieldError> errors;

    PortfolioViolations(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
