package org.podloop.signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Snapshots extends JpaRepository<Snapshot, UUID> {

    Optional<Snapshot> findByTeamKeyAndExternalId(String teamKey, String externalId);

    List<Snapshot> findByTeamKeyAndExternalIdIn(String teamKey, List<String> externalIds);

    List<Snapshot> findByMeasuredAtGreaterThanEqualAndMeasuredAtLessThanOrderByMeasuredAtAscIdAsc(
            Instant from, Instant to, Pageable page);

    Page<Snapshot> findByTeamKeyOrderByMeasuredAtDescIdDesc(String teamKey, Pageable page);

    List<Snapshot> findByTeamKeyAndMeasuredAtGreaterThanEqualAndMeasuredAtLessThanOrderByMeasuredAtAsc(
            String teamKey, Instant from, Instant to);

    List<Snapshot> findByTeamKeyAndMeasuredAtBeforeOrderByMeasuredAtDesc(
            String teamKey, Instant before, Pageable limit);
}
