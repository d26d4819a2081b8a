package org.zhengpaopao.assessment;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.publicguard.TypedIdentifier;
import org.zhengpaopao.system.ConflictException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The applicant's rating page calls this with case number and phone. An unknown case, a wrong phone and a case not
 * finished yet get the same answer, so the page tells nobody which case numbers exist; too many attempts on a number
 * or from an address answer 429 alike (see {@link PublicAttempts}). Case number and phone are read in their one
 * spelling ({@link TypedIdentifier}).
 */
@RestController
class PublicRatingController {

	private final Assessment assessment;
	private final PublicAttempts attempts;

	PublicRatingController(Assessment assessment, PublicAttempts attempts) {
		this.assessment = assessment;
		this.attempts = attempts;
	}

	@PostMapping("/public/api/ratings")
	@Operation(summary = "申请人评价办件（好差评）/ The applicant rates a finished case",
			description = "Levels VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, VERY_DISSATISFIED. "
					+ "One rating per case; after a bad rating has been rectified, one follow-up rating.")
	Answer rate(@RequestBody RatingRequest request, HttpServletRequest http) {
		var attempt = attempts.begin(request.caseNo(), http.getRemoteAddr());
		Rating rating;
		try {
			rating = assessment.rate(attempt.caseNumber(), TypedIdentifier.normalize(request.phone()), request.level(),
					request.comment());
		}
		catch (ConflictException alreadyRated) {
			// only said once the phone has matched
			attempt.succeeded();
			throw alreadyRated;
		}
		attempt.succeeded();
		boolean followUp = rating.getFollowUpLevel() != null;
		RatingLevel level = followUp ? rating.getFollowUpLevel() : rating.getLevel();
		String message = followUp ? "感谢您的再次评价。"
				: level.isBad() ? "感谢您的评价。我们将在1个工作日内回访您，并在15个工作日内整改。" : "感谢您的评价！";
		return new Answer(rating.getCaseNo(), level, level.label(), followUp, message);
	}

	record RatingRequest(String caseNo, String phone, RatingLevel level, String comment) {
	}

	record Answer(String caseNo, RatingLevel level, String levelLabel, boolean followUp, String message) {
	}
}
