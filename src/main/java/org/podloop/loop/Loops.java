package org.podloop.loop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Loops extends JpaRepository<Loop, UUID>, JpaSpecificationExecutor<Loop> {

    Optional<Loop> findByOpenTeamKey(String teamKey);

    long countByStatus(LoopStatus status);

    /** The iteration a running iteration process instance belongs to (the engine's id cannot be forged by a task). */
    @Query("select i from LoopIteration i join fetch i.loop where i.processInstanceId = :processInstanceId")
    Optional<LoopIteration> findIterationByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    @Query("select new org.podloop.loop.VerifiedIteration(i.loop.id, i.loop.teamKey, i.interventionId, i.patterns,"
            + " i.verificationOutcome, i.effect) from LoopIteration i"
            + " where i.interventionId is not null and i.verificationOutcome is not null")
    List<VerifiedIteration> verifiedIterations();
}
