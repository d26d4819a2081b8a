package org.zhengpaopao.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.applicant.ApplicantType;

/**
 * One invitation to rate on the aggregate alone (no Spring, no engine, no database): one rating, at most one
 * reminder, and for a bad rating the call-back, the rectification, an appeal and one follow-up rating.
 */
class RatingTransitionsTests {

	static final Instant INVITED = Instant.parse("2026-12-07T02:00:00Z");
	static final Instant CALL_BACK_DUE = Instant.parse("2026-12-09T10:00:00Z");
	static final Instant RECTIFICATION_DUE = Instant.parse("2026-12-28T10:00:00Z");

	static Rating invitation() {
		return new Rating("DP20261207-000001", RatedService.PROXY_RUN, ApplicantType.PERSON, "13905705678", "muchen",
				"runners-muchen", INVITED);
	}

	static Rating rated(RatingLevel level) {
		var rating = invitation();
		rating.rate(level, null, days(1));
		return rating;
	}

	static Rating badlyRated() {
		var rating = rated(RatingLevel.VERY_DISSATISFIED);
		rating.rectificationStarted(CALL_BACK_DUE, RECTIFICATION_DUE);
		return rating;
	}

	static Instant days(int days) {
		return INVITED.plus(Duration.ofDays(days));
	}

	@Test
	void shouldTakeOneRatingPerCase() {
		var rating = rated(RatingLevel.SATISFIED);

		assertThatThrownBy(() -> rating.rate(RatingLevel.VERY_DISSATISFIED, "改评", days(2)))
			.isInstanceOf(IllegalStateException.class);

		assertThat(rating.getLevel()).isEqualTo(RatingLevel.SATISFIED);
		assertThat(rating.getRatedAt()).isEqualTo(days(1));
	}

	@Test
	void shouldRemindAnUnratedApplicantOnceAfterTheInvitationHasWaited() {
		var rating = invitation();

		assertThat(rating.needsReminder(INVITED)).as("not yet").isFalse();
		assertThat(rating.needsReminder(days(3))).isTrue();

		rating.reminded(days(3));

		assertThat(rating.needsReminder(days(10))).as("only once").isFalse();
		assertThat(rating.getRemindedAt()).isEqualTo(days(3));
	}

	@Test
	void shouldNotRemindAnApplicantWhoHasRated() {
		assertThat(rated(RatingLevel.VERY_SATISFIED).needsReminder(days(10))).isFalse();
	}

	@Test
	void shouldStartNoRectificationForARatingThatIsNotBad() {
		for (var rating : new Rating[] { invitation(), rated(RatingLevel.BASICALLY_SATISFIED) }) {
			assertThatThrownBy(() -> rating.rectificationStarted(CALL_BACK_DUE, RECTIFICATION_DUE))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no bad rating");
			assertThatThrownBy(() -> rating.calledBack(days(2))).isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> rating.appeal("恶意差评")).isInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> rating.rectified("已整改", days(2))).isInstanceOf(IllegalStateException.class);
			assertThat(rating.getRectificationDue()).isNull();
		}
	}

	@Test
	void shouldCallBackRectifyAndTakeOneFollowUpRatingAfterABadRating() {
		var rating = badlyRated();
		assertThat(rating.getCallBackDue()).isEqualTo(CALL_BACK_DUE);
		assertThat(rating.mayFollowUp()).as("not before the rectification").isFalse();
		assertThatThrownBy(() -> rating.followUp(RatingLevel.SATISFIED, null, days(2)))
			.isInstanceOf(IllegalStateException.class);

		rating.calledBack(days(2));
		rating.rectified("已向申请人道歉并改进流程", days(5));

		assertThat(rating.getCalledBackAt()).isEqualTo(days(2));
		assertThat(rating.getRectificationReport()).isEqualTo("已向申请人道歉并改进流程");
		assertThat(rating.mayFollowUp()).isTrue();

		rating.followUp(RatingLevel.SATISFIED, "满意", days(6));

		assertThat(rating.getFollowUpLevel()).isEqualTo(RatingLevel.SATISFIED);
		assertThat(rating.mayFollowUp()).isFalse();
		assertThatThrownBy(() -> rating.followUp(RatingLevel.VERY_DISSATISFIED, null, days(7)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(rating.getFollowUpLevel()).isEqualTo(RatingLevel.SATISFIED);
	}

	@Test
	void shouldRectifyOnlyOnce() {
		var rating = badlyRated();
		rating.rectified("第一次整改", days(5));

		assertThatThrownBy(() -> rating.rectified("第二次整改", days(6))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already rectified");

		assertThat(rating.getRectificationReport()).isEqualTo("第一次整改");
		assertThat(rating.getRectifiedAt()).isEqualTo(days(5));
	}

	@Test
	void shouldExcludeABadRatingOnlyWhenAnAppealIsUpheld() {
		var rating = badlyRated();
		assertThatThrownBy(rating::appealUpheld).as("no appeal yet").isInstanceOf(IllegalStateException.class);
		assertThat(rating.isExcluded()).isFalse();

		rating.appeal("申请人未实际办事");
		rating.appealUpheld();

		assertThat(rating.isExcluded()).isTrue();
		assertThat(rating.facts().excluded()).isTrue();
		assertThat(rating.facts().rectifiedOnTime()).as("an excluded rating counts in no rate").isNull();
	}

	@Test
	void shouldTellWhetherTheRectificationCameByItsDueTime() {
		var onTime = badlyRated();
		onTime.rectified("已整改", RECTIFICATION_DUE);
		var late = badlyRated();
		late.rectified("已整改", RECTIFICATION_DUE.plusSeconds(1));
		var notYet = badlyRated();

		assertThat(onTime.facts().rectifiedOnTime()).isTrue();
		assertThat(late.facts().rectifiedOnTime()).isFalse();
		assertThat(notYet.facts().rectifiedOnTime()).isFalse();
		assertThat(rated(RatingLevel.SATISFIED).facts().rectifiedOnTime()).as("nothing to rectify").isNull();
	}
}
