package org.podloop.notification;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me/notifications} (each person her own) and a team's chat webhooks (administrators). */
@RestController
class NotificationController {

    private final NudgeService nudges;

    NotificationController(NudgeService nudges) {
        this.nudges = nudges;
    }

    @GetMapping("/api/me/notifications")
    NudgeService.PreferencesView mine() {
        return nudges.myPreferences();
    }

    @PutMapping("/api/me/notifications")
    NudgeService.PreferencesView update(@RequestBody(required = false) NudgeService.PreferencesUpdate update) {
        return nudges.updateMyPreferences(update);
    }

    @GetMapping("/api/teams/{key}/chat-webhooks")
    NudgeService.ChatView chat(@PathVariable String key) {
        return nudges.chat(key);
    }

    @PutMapping("/api/teams/{key}/chat-webhooks")
    NudgeService.ChatView setChat(
            @PathVariable String key, @RequestBody(required = false) NudgeService.ChatUpdate update) {
        return nudges.setChat(key, update);
    }
}
