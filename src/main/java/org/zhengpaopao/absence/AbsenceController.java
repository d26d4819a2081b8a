package org.zhengpaopao.absence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
class AbsenceController {

	private final Absences absences;
	private final Clock clock;

	AbsenceController(Absences absences, Clock clock) {
		this.absences = absences;
		this.clock = clock;
	}

	@PostMapping("/api/absences")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记请假代岗 / Record an absence",
			description = "Runners and clerks record their own (leave userId out); managers and admins anybody's who is "
					+ "a runner or clerk. from and to are days (YYYY-MM-DD, both included, at most 90 days). Once it "
					+ "starts (at once if from is today or earlier), the person's claimed tasks go back to their groups "
					+ "and tasks assigned to them by name go to the stand-in, each with a comment; meanwhile nobody can "
					+ "assign them a task. 409 when the person is absent on one of these days already.")
	AbsenceView record(@RequestBody AbsenceRequest request, Authentication staff) {
		return AbsenceView.of(absences.record(new NewAbsence(request.userId(), request.from(), request.to(),
				request.reason(), request.standIn()), staff.getName()), clock.instant());
	}

	@GetMapping("/api/absences")
	@Operation(summary = "当前及将来的请假 / Current and future absences",
			description = "Managers and admins see everybody's (or one person's with userId); everybody else their own.")
	List<AbsenceView> list(@Parameter(description = "whose absences (managers)") @RequestParam(required = false) String userId,
			Authentication staff) {
		Instant now = clock.instant();
		return absences.list(staff.getName(), userId).stream().map(a -> AbsenceView.of(a, now)).toList();
	}

	@PostMapping("/api/absences/{id}/end")
	@Operation(summary = "提前结束请假 / End an absence early",
			description = "The absent person or a manager. Ending one that has not started cancels it. Nothing moves "
					+ "back: the tasks stay with the group or the stand-in.")
	AbsenceView end(@PathVariable long id, Authentication staff) {
		return AbsenceView.of(absences.end(id, staff.getName()), clock.instant());
	}

	/** Dates as text, so that a wrong one is refused naming its field. */
	record AbsenceRequest(String userId, String from, String to, String reason, String standIn) {
	}

	record AbsenceView(long id, String userId, LocalDate from, LocalDate to, String reason, String standIn,
			Absence.Status status, String recordedBy, Instant recordedAt, Instant endedAt, String endedBy) {

		static AbsenceView of(Absence absence, Instant now) {
			return new AbsenceView(absence.getId(), absence.getUserId(), absence.getFrom(), absence.getTo(),
					absence.getReason(), absence.getStandIn(), absence.statusAt(now), absence.getRecordedBy(),
					absence.getRecordedAt(), absence.getEndedAt(), absence.getEndedBy());
		}
	}
}
