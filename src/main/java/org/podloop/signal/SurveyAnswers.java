package org.podloop.signal;

import java.util.List;
import org.podloop.common.InvalidInputException;
import org.podloop.rules.Survey;

/** The check every respondent's answers to a survey scale pass before they are scored. */
public final class SurveyAnswers {

    private SurveyAnswers() {}

    /**
     * Refuses, naming {@code field} or {@code field[i]}, anything but one whole number on the scale per item.
     * The messages name the bad value to the caller who sent it; they are answered, never logged.
     */
    public static void check(String field, Survey survey, List<Double> answers) {
        if (answers == null || answers.size() != survey.items().size()) {
            throw new InvalidInputException(
                    field,
                    "must hold " + survey.items().size() + " answers, one per item, holds "
                            + (answers == null ? 0 : answers.size()));
        }
        for (int i = 0; i < answers.size(); i++) {
            Double answer = answers.get(i);
            if (answer == null
                    || answer != Math.rint(answer)
                    || answer < survey.scaleMin()
                    || answer > survey.scaleMax()) {
                throw new InvalidInputException(
                        field + "[" + i + "]",
                        "answer " + answer + " is not a whole number from " + survey.scaleMin() + " to "
                                + survey.scaleMax());
            }
        }
    }
}
