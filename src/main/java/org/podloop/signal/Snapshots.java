package org.podloop.signal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Snapshots extends JpaRepository<Snapshot, UUID> {

    Optional<Snapshot> findByTeamKeyAndExternalId(String teamKey, String externalId);
}
