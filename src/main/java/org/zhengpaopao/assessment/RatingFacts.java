package org.zhengpaopao.assessment;

import java.time.Instant;

import org.zhengpaopao.applicant.ApplicantType;

/**
 * One rating as the KPIs read it.
 *
 * @param applicantType    a person, or a company (its contact rated)
 * @param responsibleGroup the group that answers for the service: the runners of a proxy-run, the window of a case
 * @param excluded         an appeal against it was upheld: it counts in no rate
 * @param rectifiedOnTime  null unless the rating was bad; then whether the rectification was reported by its due time
 */
public record RatingFacts(String caseNo, RatedService service, ApplicantType applicantType, RatingLevel level,
		Instant ratedAt, String townshipCode, String responsibleGroup, boolean excluded, Boolean rectifiedOnTime,
		RatingLevel followUpLevel) {
}
