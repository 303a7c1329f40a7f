package org.podloop.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByLoopIdOrderByIdAsc(UUID loopId);

    List<AuditEntry> findByIdGreaterThanOrderByIdAsc(long after, Pageable page);
}
