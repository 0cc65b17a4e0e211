package fr.litiges.decision.facts;

/**
 * Marks the moment every piece of evidence (data, reason codes, words) is in working memory,
 * so that rules deciding "nothing else was found" only run once there is nothing more to find.
 */
public final class EvidenceGathered {
}
