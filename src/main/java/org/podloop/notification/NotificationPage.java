package org.podloop.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

    /** The form as shown: what is stored, or after a refusal what she entered. */
    record Form(boolean email, String timeZone, String quietFrom, String quietTo, String pausedUntil) {

        static Form of(NudgeService.PreferencesView stored) {
            return new Form(
                    stored.email(),
                    stored.timeZone(),
                    stored.quietHours() == null ? "" : stored.quietHours().from(),
                    stored.quietHours() == null ? "" : stored.quietHours().to(),
                    stored.pausedUntil() == null ? "" : stored.pausedUntil().toString());
        }
    }

    private static final Map<String, String> LABELS = Map.of(
            "timeZone", "Time zone",
            "quietHours.from", "Quiet hours, from",
            "quietHours.to", "Quiet hours, to",
            "pausedUntil", "Pause until");

    @GetMapping("/notifications")
    String page(Model model) {
        NudgeService.PreferencesView stored = nudges.myPreferences();
        return show(model, stored, Form.of(stored), null, null);
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
            Form entered = new Form(email != null, timeZone, text(quietFrom), text(quietTo), text(pausedUntil));
            return show(model, nudges.myPreferences(), entered, refused.field(), sentence(refused));
        }
        redirect.addFlashAttribute("notice", "Saved. Podloop nudges you as you chose from now on.");
        return "redirect:/notifications";
    }

    private String show(Model model, NudgeService.PreferencesView preferences, Form form, String field, String error) {
        model.addAttribute("preferences", preferences);
        model.addAttribute("form", form);
        model.addAttribute("recent", nudges.mine(30));
        model.addAttribute("zones", ZONES);
        model.addAttribute("mailConfigured", nudges.mailConfigured());
        model.addAttribute("errorField", field);
        model.addAttribute("error", error);
        return "notification/notifications";
    }

    /** "quietHours.to: must differ …" → "Quiet hours, to: must differ …." */
    private static String sentence(InvalidInputException refused) {
        String field = refused.field();
        String message = refused.getMessage();
        String reason = message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
        return LABELS.getOrDefault(field, field) + ": " + reason + (reason.endsWith(".") ? "" : ".");
    }

    private static String text(String given) {
        return given == null ? "" : given;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text;
    }
}
