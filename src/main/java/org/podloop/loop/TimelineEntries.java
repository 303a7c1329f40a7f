package org.podloop.loop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByLoopIdOrderByIdAsc(UUID loopId);

    Optional<TimelineEntry> findFirstBySnapshotIdOrderByIdAsc(UUID snapshotId);
}
