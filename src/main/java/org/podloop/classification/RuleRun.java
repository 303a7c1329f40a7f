package org.podloop.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.podloop.rules.Ruleset;

/**
 * One session over a ruleset: inserts the facts, fires, and remembers which rule (and which matched
 * facts) produced every inserted object, so that each result can explain itself without the DRL
 * having to do anything special.
 */
final class RuleRun {

    private final List<FiredRule> fired = new ArrayList<>();
    /** Per result, the matches of the rules that inserted it and then modified it, in order. */
    private final Map<Object, List<Match>> contributors = new IdentityHashMap<>();

    private final List<Object> results;

    private RuleRun(Ruleset ruleset, Collection<?> facts, Class<?>... resultTypes) {
        KieSession session = ruleset.kieBase().newKieSession();
        try {
            Match[] firing = new Match[1];
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    firing[0] = event.getMatch();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(describe(event.getMatch()));
                    firing[0] = null;
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    contributed(event.getObject());
                }

                @Override
                public void objectUpdated(ObjectUpdatedEvent event) {
                    contributed(event.getObject());
                }

                private void contributed(Object result) {
                    if (firing[0] != null) {
                        contributors
                                .computeIfAbsent(result, r -> new ArrayList<>())
                                .add(firing[0]);
                    }
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules();
            List<Object> found = new ArrayList<>();
            for (Class<?> type : resultTypes) {
                found.addAll(session.getObjects(new ClassObjectFilter(type)));
            }
            results = found;
        } finally {
            session.dispose();
        }
    }

    static RuleRun fire(Ruleset ruleset, Collection<?> facts, Class<?>... resultTypes) {
        return new RuleRun(ruleset, facts, resultTypes);
    }

    <T> List<T> results(Class<T> type) {
        return results.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<FiredRule> fired() {
        return List.copyOf(fired);
    }

    /** The rules that inserted and then modified {@code result}, each with the facts its match held. */
    List<FiredRule> rulesFor(Object result) {
        return contributors.getOrDefault(result, List.of()).stream()
                .map(RuleRun::describe)
                .toList();
    }

    /** For each rule that inserted or modified {@code result}: its metadata and the facts it matched. */
    List<Map.Entry<FiredRule, List<Object>>> matchesFor(Object result) {
        return contributors.getOrDefault(result, List.of()).stream()
                .map(match -> Map.entry(describe(match), List.copyOf(match.getObjects())))
                .toList();
    }

    private static FiredRule describe(Match match) {
        return new FiredRule(
                match.getRule().getName(),
                Ruleset.metadataOf(match.getRule()),
                match.getObjects().stream().map(String::valueOf).toList());
    }
}
