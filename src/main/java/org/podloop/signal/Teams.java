package org.podloop.signal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Teams extends JpaRepository<Team, String> {

    List<Team> findAllByOrderByKeyAsc();
}
