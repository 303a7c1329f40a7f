package org.podloop.audit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AuditHeads extends JpaRepository<AuditHead, Integer> {

    /** The head, locked until the appending transaction ends: appends happen one after another, on every node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AuditHead h where h.id = " + AuditHead.ID)
    Optional<AuditHead> lockHead();
}
