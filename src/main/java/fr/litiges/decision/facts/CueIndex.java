package fr.litiges.decision.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every cue of a ruleset, compiled once when the ruleset is built and indexed by its first
 * word. Finding which cues a text contains then costs one lookup per distinct word of the text
 * instead of one check per cue row, and the rules only see the cues actually found
 * ({@link CueFound}), matched by Drools' hashed equality index. Immutable and thread-safe.
 */
public final class CueIndex {
    public static final CueIndex EMPTY = new CueIndex(Map.of(), 0);

    private final Map<String, List<Cue>> byFirstWord;
    private final int size;

    private CueIndex(Map<String, List<Cue>> byFirstWord, int size) {
        this.byFirstWord = byFirstWord;
        this.size = size;
    }

    /**
     * @throws IllegalArgumentException naming the first cue that cannot be compiled
     */
    public static CueIndex of(Collection<String> cues) {
        Map<String, List<Cue>> byFirstWord = new HashMap<>();
        Set<String> distinct = new LinkedHashSet<>(cues);
        for (String source : distinct) {
            Cue cue = Cue.compile(source);
            byFirstWord.computeIfAbsent(cue.words[0], k -> new ArrayList<>(2)).add(cue);
        }
        byFirstWord.replaceAll((word, list) -> List.copyOf(list));
        return new CueIndex(Map.copyOf(byFirstWord), distinct.size());
    }

    /** Why the cue cannot be used, or null when it compiles. */
    public static String problemWith(String cue) {
        try {
            Cue.compile(cue);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public int size() {
        return size;
    }

    /** The cues found in the text, one hit per cue, each the same instance {@link CustomerText#cue} gives. */
    public List<CueFound> findIn(CustomerText text) {
        List<CueFound> found = new ArrayList<>();
        if (text.isEmpty() || byFirstWord.isEmpty()) {
            return found;
        }
        for (String stem : text.stems()) {
            List<Cue> candidates = byFirstWord.get(stem);
            if (candidates == null) {
                continue;
            }
            for (Cue cue : candidates) {
                CueHit hit = text.hitOf(cue);
                if (hit != null) {
                    found.add(new CueFound(text, hit));
                }
            }
        }
        return found;
    }
}
