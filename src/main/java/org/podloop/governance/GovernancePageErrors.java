package org.podloop.governance;

import jakarta.servlet.http.HttpServletResponse;
import org.podloop.common.InvalidInputException;
import org.podloop.common.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A person on the governance page gets a page, not problem JSON: the same message in words, in the
 * page's layout, with a way back. Ahead of the API's advice, for the page's controllers only.
 */
@ControllerAdvice(assignableTypes = {GovernancePage.class, GovernanceDownloads.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class GovernancePageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.NOT_FOUND, "Not found", capitalized(e.getMessage()) + ".", response, model);
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        // the message is "field: reason"; the title names the field
        String reason = e.getMessage().substring(e.field().length() + 2);
        return page(
                HttpStatus.BAD_REQUEST,
                "The " + e.field() + " filter does not work",
                capitalized(reason) + ".",
                response,
                model);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        String message = "id".equals(e.getName())
                ? "'" + e.getValue() + "' is not a loop id: a loop's id looks like 3f2b8c1e-…, as in the loop list."
                : e.getName() + ": '" + e.getValue() + "' is not a valid value.";
        return page(HttpStatus.BAD_REQUEST, "That address does not work", message, response, model);
    }

    private static String page(
            HttpStatus status, String title, String message, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "governance/error";
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
