package org.podloop.signal;

import java.util.List;
import org.podloop.rules.Survey;

/**
 * A team's results on one survey scale, pre-aggregated: how many respondents, and the sum and sum of
 * squares of their scores in points (a respondent's item answers after reverse scoring, less the scale
 * minimum per item; {@code maxPoints} = items × (scaleMax − scaleMin) is 100 on the 0–100 scale). Whole
 * numbers, so totals added up in any order are exact; enough for mean and standard deviation, never an
 * individual's answers.
 */
public record SurveyTotals(int respondents, long sum, long sumOfSquares, int maxPoints) {

    /** What one respondent's checked answers (see {@link SurveyAnswers#check}) add to the totals. */
    public static SurveyTotals ofRespondent(Survey survey, List<Double> answers) {
        long points = SurveyScoring.points(survey, answers);
        return new SurveyTotals(1, points, points * points, maxPoints(survey));
    }

    /** The points of a respondent who gives the best answer to every item. */
    public static int maxPoints(Survey survey) {
        return survey.items().size() * (survey.scaleMax() - survey.scaleMin());
    }

    SurveyTotals plus(SurveyTotals other) {
        return new SurveyTotals(
                respondents + other.respondents, sum + other.sum, sumOfSquares + other.sumOfSquares, maxPoints);
    }
}
