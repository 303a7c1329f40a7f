package org.podloop.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A survey scale of the metric catalogue: item texts in the order respondents answer them, the
 * answer scale and the reverse-scored items (1-based).
 */
public record Survey(int scaleMin, int scaleMax, List<Integer> reverseScored, List<String> items) {

    public Survey {
        reverseScored = reverseScored == null ? List.of() : List.copyOf(reverseScored);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** What makes this scale unusable for scoring; empty when it is sound. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (scaleMin >= scaleMax) {
            problems.add("scaleMin must be below scaleMax");
        }
        if (items.isEmpty()) {
            problems.add("items is empty");
        }
        reverseScored.stream()
                .filter(item -> item < 1 || item > items.size())
                .forEach(item ->
                        problems.add("reverseScored item " + item + " is not one of the " + items.size() + " items"));
        return problems;
    }
}
