package org.podloop.loop;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Loops extends JpaRepository<Loop, UUID> {

    Optional<Loop> findByOpenTeamKey(String teamKey);

    List<Loop> findByTeamKeyOrderByOpenedAtDesc(String teamKey);

    List<Loop> findByStatusOrderByOpenedAtDesc(LoopStatus status);

    List<Loop> findByTeamKeyAndStatusOrderByOpenedAtDesc(String teamKey, LoopStatus status);

    List<Loop> findAllByOrderByOpenedAtDesc();
}
