package org.podloop.classification;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Classifications extends JpaRepository<StoredClassification, UUID> {}
