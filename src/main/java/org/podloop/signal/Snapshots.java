package org.podloop.signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The intake's queries are JPQL, not derived from the method names: Spring Data builds a derived query
 * as a new criteria tree on each call (whenever it takes a page), which Hibernate translates to SQL anew, while
 * a JPQL string is translated once and its plan cached.
 */
interface Snapshots extends JpaRepository<Snapshot, UUID> {

    @Query("select s from Snapshot s where s.teamKey = :teamKey and s.externalId = :externalId")
    Optional<Snapshot> findByTeamKeyAndExternalId(String teamKey, String externalId);

    @Query("select s from Snapshot s where s.teamKey = :teamKey and s.externalId in :externalIds")
    List<Snapshot> findByTeamKeyAndExternalIdIn(String teamKey, List<String> externalIds);

    List<Snapshot> findByMeasuredAtGreaterThanEqualAndMeasuredAtLessThanOrderByMeasuredAtAscIdAsc(
            Instant from, Instant to, Pageable page);

    Page<Snapshot> findByTeamKeyOrderByMeasuredAtDescIdDesc(String teamKey, Pageable page);

    @Query("select s from Snapshot s where s.teamKey = :teamKey and s.measuredAt >= :from and s.measuredAt < :to"
            + " order by s.measuredAt")
    List<Snapshot> ofTeamBetween(String teamKey, Instant from, Instant to);

    @Query("select s from Snapshot s where s.teamKey = :teamKey and s.measuredAt < :before order by s.measuredAt desc")
    List<Snapshot> ofTeamBefore(String teamKey, Instant before, Pageable limit);
}
