package org.zhengpaopao.personaldata;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of who saw an applicant's full ID number or phone, kept for every feature that shows them (the
 * issuing clerk's view of a run, the call-back after a bad rating).
 */
@Service
public class PersonalDataViews {

	private final PersonalDataViewRepository views;
	private final Clock clock;

	PersonalDataViews(PersonalDataViewRepository views, Clock clock) {
		this.views = views;
		this.clock = clock;
	}

	/** Called before the numbers are handed out, in the caller's transaction: no view goes unrecorded. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String caseNo, String viewer, PersonalDataView.Shown shown) {
		views.save(new PersonalDataView(caseNo, viewer, clock.instant(), shown));
	}

	/** The first view first. */
	@Transactional(readOnly = true)
	public List<PersonalDataView> of(String caseNo) {
		return views.findByCaseNoOrderByViewedAtAscIdAsc(caseNo);
	}
}
