package org.podloop.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The one page that tells a person why she cannot go on here, and where to go instead. */
public final class ProblemPage {

    private ProblemPage() {}

    /** Sets the status and the model; returns the view name. */
    public static String show(
            Model model, HttpServletResponse response, int status, String message, String backHref, String backText) {
        response.setStatus(status);
        model.addAttribute("message", message);
        model.addAttribute("backHref", backHref);
        model.addAttribute("backText", backText);
        return "layout/problem";
    }
}
