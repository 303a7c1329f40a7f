package org.podloop.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link Viewer} in the model of every {@link PodloopPage} controller. */
@ControllerAdvice(annotations = PodloopPage.class)
class ViewerAdvice {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
