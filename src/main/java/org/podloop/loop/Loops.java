package org.podloop.loop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Loops extends JpaRepository<Loop, UUID> {

    Optional<Loop> findByOpenTeamKey(String teamKey);

    List<Loop> findByTeamKeyOrderByOpenedAtDesc(String teamKey);

    List<Loop> findByStatusOrderByOpenedAtDesc(LoopStatus status);

    List<Loop> findByTeamKeyAndStatusOrderByOpenedAtDesc(String teamKey, LoopStatus status);

    List<Loop> findAllByOrderByOpenedAtDesc();

    /** Verified outcomes of other teams' iterations, counted per intervention, patterns and outcome. */
    record OutcomeCount(String interventionId, String patterns, String outcome, long count) {
    }

    @Query("select new org.podloop.loop.Loops$OutcomeCount(i.interventionId, i.patterns, i.verificationOutcome, count(i))"
            + " from LoopIteration i where i.loop.teamKey <> :team and i.interventionId is not null"
            + " and i.verificationOutcome in ('REDUCED', 'NOT_REDUCED', 'WORSENED')"
            + " group by i.interventionId, i.patterns, i.verificationOutcome")
    List<OutcomeCount> verifiedOutcomesOfOtherTeams(@Param("team") String team);
}
