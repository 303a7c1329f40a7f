package org.podloop.loop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Loops extends JpaRepository<Loop, UUID>, JpaSpecificationExecutor<Loop> {

    /** JPQL, as the intake's queries are (see {@code signal.Snapshots}): every snapshot asks it. */
    @Query("select l from Loop l where l.openTeamKey = :teamKey")
    Optional<Loop> findByOpenTeamKey(String teamKey);

    long countByStatus(LoopStatus status);

    /** The iteration a running iteration process instance belongs to (the engine's id cannot be forged by a task). */
    @Query("select i from LoopIteration i join fetch i.loop where i.processInstanceId = :processInstanceId")
    Optional<LoopIteration> findIterationByProcessInstanceId(@Param("processInstanceId") String processInstanceId);

    /** Every iteration whose outcome was verified, in the order they started. */
    @Query("select i from LoopIteration i join fetch i.loop"
            + " where i.interventionId is not null and i.verificationOutcome is not null order by i.startedAt, i.id")
    List<LoopIteration> findVerifiedIterations();

    @Query("select count(i) from LoopIteration i"
            + " where i.interventionId is not null and i.verificationOutcome is not null")
    long countVerifiedIterations();
}
