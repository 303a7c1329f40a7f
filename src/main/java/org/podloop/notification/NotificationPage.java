package org.podloop.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import org.podloop.common.InvalidInputException;
import org.podloop.identity.PodloopPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /notifications}: a person's own nudges and her choices (mail, quiet hours, a pause), as a page. */
@Controller
@PodloopPage
class NotificationPage {

    private static final List<String> ZONES =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final NudgeService nudges;

    NotificationPage(NudgeService nudges) {
        this.nudges = nudges;
    }

    @GetMapping("/notifications")
    String page(Model model) {
        return show(model, nudges.myPreferences(), null, null);
    }

    @PostMapping("/notifications")
    String save(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String quietFrom,
            @RequestParam(required = false) String quietTo,
            @RequestParam(required = false) String pausedUntil,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean quiet = !blank(quietFrom) || !blank(quietTo);
        NudgeService.PreferencesUpdate update = new NudgeService.PreferencesUpdate(
                email != null,
                timeZone,
                quiet ? new NudgeService.QuietHours(blankToNull(quietFrom), blankToNull(quietTo)) : null,
                pausedUntil);
        try {
            nudges.updateMyPreferences(update);
        } catch (InvalidInputException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(
                    model, nudges.myPreferences(), refused.field(), sentence(refused.getMessage(), refused.field()));
        }
        redirect.addFlashAttribute("notice", "Saved. Podloop nudges you as you chose from now on.");
        return "redirect:/notifications";
    }

    private String show(Model model, NudgeService.PreferencesView preferences, String field, String error) {
        model.addAttribute("preferences", preferences);
        model.addAttribute("recent", nudges.mine(30));
        model.addAttribute("zones", ZONES);
        model.addAttribute("mailConfigured", nudges.mailConfigured());
        model.addAttribute("errorField", field);
        model.addAttribute("error", error);
        return "notification/notifications";
    }

    /** "quietHours.from: must be …" → "Must be …." */
    private static String sentence(String message, String field) {
        String reason = message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + (reason.endsWith(".") ? "" : ".");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text;
    }
}
