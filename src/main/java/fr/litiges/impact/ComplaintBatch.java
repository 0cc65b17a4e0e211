package fr.litiges.impact;

import fr.litiges.decision.api.Complaint;
import java.util.List;

/**
 * The complaints of a replay or report request, as read: those that match the contract, and how
 * many items or lines could not be read as a complaint (they count as failed, never fail the request).
 */
public record ComplaintBatch(List<Complaint> complaints, int unreadable) {
    public ComplaintBatch {
        complaints = List.copyOf(complaints);
    }

    public int size() {
        return complaints.size() + unreadable;
    }
}
