package org.podloop.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, UUID> {

    Optional<ApiToken> findBySecretHash(String secretHash);

    List<ApiToken> findAllByOrderByCreatedAtAsc();

    boolean existsByUserAndNameAndRevokedAtIsNull(String user, String name);

    /**
     * Records a use, at most once per {@code unlessUsedAfter}: a collector posting thousands of snapshots
     * should not write a row for each.
     */
    @Modifying
    @Query(
            "update ApiToken t set t.lastUsedAt = :at where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :unlessUsedAfter)")
    int recordUse(UUID id, Instant at, Instant unlessUsedAfter);
}
