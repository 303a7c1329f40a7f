package org.podloop.loop;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which loops to list: by team, status, a pattern one of their iterations worked on, and when they
 * opened; {@code visibleTeams}, when not {@code null}, limits the list to the teams the caller may see.
 */
public record LoopFilter(
        String team, LoopStatus status, String pattern, Instant from, Instant to, Set<String> visibleTeams) {

    public LoopFilter(String team, LoopStatus status, String pattern, Instant from, Instant to) {
        this(team, status, pattern, from, to, null);
    }

    Specification<Loop> specification() {
        return (loop, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (team != null) {
                where.add(cb.equal(loop.get("teamKey"), team));
            }
            if (visibleTeams != null) {
                where.add(
                        visibleTeams.isEmpty()
                                ? cb.disjunction()
                                : loop.get("teamKey").in(visibleTeams));
            }
            if (status != null) {
                where.add(cb.equal(loop.get("status"), status));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(loop.get("openedAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(loop.get("openedAt"), to));
            }
            if (pattern != null) {
                Subquery<Integer> worked = query.subquery(Integer.class);
                var iteration = worked.from(LoopIteration.class);
                worked.select(cb.literal(1))
                        .where(
                                cb.equal(iteration.get("loop"), loop),
                                cb.like(
                                        cb.concat(cb.concat(",", iteration.get("patterns")), ","),
                                        "%," + pattern.toUpperCase(Locale.ROOT) + ",%"));
                where.add(cb.exists(worked));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
