package org.podloop.classification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.podloop.common.NewEntity;

/** A classification as decided: kept so that a repeated post and the loop timeline show the same verdict. */
@Entity
@Table(name = "classifications")
class StoredClassification extends NewEntity<UUID> {

    @Id
    private UUID snapshotId;

    private String teamKey;
    private String rulesetVersion;
    private Instant classifiedAt;
    private String findingsJson;

    protected StoredClassification() {}

    StoredClassification(
            UUID snapshotId, String teamKey, String rulesetVersion, Instant classifiedAt, String findingsJson) {
        this.snapshotId = snapshotId;
        this.teamKey = teamKey;
        this.rulesetVersion = rulesetVersion;
        this.classifiedAt = classifiedAt;
        this.findingsJson = findingsJson;
    }

    @Override
    public UUID getId() {
        return snapshotId;
    }

    UUID snapshotId() {
        return snapshotId;
    }

    String rulesetVersion() {
        return rulesetVersion;
    }

    Instant classifiedAt() {
        return classifiedAt;
    }

    String findingsJson() {
        return findingsJson;
    }
}
