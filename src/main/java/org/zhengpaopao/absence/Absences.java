package org.zhengpaopao.absence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.identity.GroupMembers;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;
import org.zhengpaopao.system.Text;

/**
 * Absence cover (请假代岗): runners and clerks record their absences, managers anybody's. When an absence starts,
 * the person's open tasks move (claimed ones back to their group, direct assignments to the stand-in); while it
 * lasts, nobody assigns them a task; when it ends, nothing moves back.
 */
@Service
@Transactional
public class Absences {

	static final int MAX_DAYS = 90;
	static final int MAX_REASON = 500;
	/** the actor of what the scheduled start does */
	static final String SYSTEM = "system";

	private final AbsenceRepository absences;
	private final GroupMembers members;
	private final TaskCover taskCover;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Absences(AbsenceRepository absences, GroupMembers members, TaskCover taskCover, ApplicationEventPublisher events,
			Clock clock) {
		this.absences = absences;
		this.members = members;
		this.taskCover = taskCover;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records an absence; one that has started already moves the person's tasks at once.
	 *
	 * @throws AccessDeniedException when a runner or clerk records somebody else's, or anybody else their own
	 * @throws ConflictException     when the person has an absence on one of these days already
	 */
	public Absence record(NewAbsence request, String actor) {
		String userId = request.userId() == null ? actor : userId(request.userId());
		boolean manager = isManager(actor);
		if (!userId.equals(actor) && !manager) {
			throw new AccessDeniedException("只有督考办、跑改办可以为他人登记请假 / only managers record somebody else's absence");
		}
		List<String> workGroups = workGroupsOf(userId);
		if (workGroups.isEmpty()) {
			if (userId.equals(actor)) {
				throw new AccessDeniedException("只有代跑员和经办人登记请假代岗 / only runners and clerks record absences");
			}
			throw new InvalidInputException("userId", "没有这个代跑员或经办人：" + userId, "no runner or clerk " + userId);
		}
		LocalDate from = date(request.from(), "from");
		LocalDate to = date(request.to(), "to");
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "结束日期不能早于开始日期", "the last day cannot be before the first day");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new InvalidInputException("to", "一次请假不超过" + MAX_DAYS + "天", "an absence lasts at most " + MAX_DAYS + " days");
		}
		if (to.isBefore(today())) {
			throw new InvalidInputException("to", "请假已经结束，无需登记", "this absence is over already");
		}
		String reason = Text.required(request.reason(), "reason", MAX_REASON, true, "请填写请假原因",
				"say why (the reason is shown on the tasks that move)");
		String standIn = standIn(request.standIn(), userId, workGroups, from, to);
		for (Absence earlier : absences.findByUserIdAndToGreaterThanEqualOrderByFromAsc(userId, from)) {
			if (earlier.overlaps(from, to)) {
				throw new ConflictException(
						userId + " 已登记 " + earlier.getFrom() + " 至 " + earlier.getTo() + " 的请假，与本次时间重叠，请先结束或调整原请假",
						userId + " already has an absence from " + earlier.getFrom() + " to " + earlier.getTo()
								+ " on some of these days; end it first");
			}
		}
		Absence absence = absences.saveAndFlush(new Absence(userId, from, to, reason, standIn, actor, clock.instant()));
		if (absence.activeAt(clock.instant())) {
			start(absence.getId(), actor);
		}
		return absences.findById(absence.getId()).orElseThrow();
	}

	/** A user id given; left out means "the caller" or "nobody", so a blank one is a mistake. */
	private static String userId(String raw) {
		return Text.required(raw, "userId", 64, false, "用户名不能为空白（登记本人请假时不填）",
				"must not be blank (leave it out for your own absence)");
	}

	private String standIn(String raw, String userId, List<String> workGroups, LocalDate from, LocalDate to) {
		if (raw == null) {
			return null;
		}
		String standIn = Text.required(raw, "standIn", 64, false, "代岗人不能为空白（不指定代岗人时不填）",
				"must not be blank (leave it out when there is no stand-in)");
		if (standIn.equals(userId)) {
			throw new InvalidInputException("standIn", "代岗人不能是请假人本人", "the stand-in cannot be the absent person");
		}
		if (!members.exists(standIn)) {
			throw new InvalidInputException("standIn", "没有这个用户：" + standIn, "no such user: " + standIn);
		}
		if (workGroupsOf(standIn).stream().noneMatch(workGroups::contains)) {
			throw new InvalidInputException("standIn", standIn + " 与 " + userId + " 不在同一代跑群或经办群，无法代岗",
					standIn + " shares no runner or clerk group with " + userId + ", so cannot do the work");
		}
		for (Absence theirs : absences.findByUserIdAndToGreaterThanEqualOrderByFromAsc(standIn, from)) {
			if (theirs.overlaps(from, to)) {
				throw new InvalidInputException("standIn", standIn + " 在 " + theirs.getFrom() + " 至 " + theirs.getTo() + " 也请假",
						standIn + " is absent too from " + theirs.getFrom() + " to " + theirs.getTo());
			}
		}
		return standIn;
	}

	private static LocalDate date(String raw, String field) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException(field, "必填", "is required");
		}
		try {
			LocalDate date = LocalDate.parse(raw.strip());
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				throw new DateTimeParseException("out of range", raw, 0);
			}
			return date;
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD", "the date must be YYYY-MM-DD");
		}
	}

	/**
	 * Current and future absences: a manager's of everybody (or of {@code userId}), anybody else's own.
	 *
	 * @throws AccessDeniedException when somebody else asks for another person's
	 */
	@Transactional(readOnly = true)
	public List<Absence> list(String actor, String userId) {
		String wanted = userId == null || userId.isEmpty() ? null : userId(userId);
		if (wanted != null && !members.exists(wanted)) {
			throw new InvalidInputException("userId", "没有这个用户：" + wanted, "no such user: " + wanted);
		}
		boolean manager = isManager(actor);
		if (!manager && wanted != null && !wanted.equals(actor)) {
			throw new AccessDeniedException("只能查看本人的请假 / you see your own absences only");
		}
		if (!manager) {
			wanted = actor;
		}
		Instant now = clock.instant();
		List<Absence> found = wanted == null ? absences.findByToGreaterThanEqualOrderByFromAscUserIdAsc(today())
				: absences.findByUserIdAndToGreaterThanEqualOrderByFromAsc(wanted, today());
		return found.stream().filter(a -> a.endsAt().isAfter(now)).toList();
	}

	/** Ends the absence now (the person or a manager). Nothing moves back. */
	public Absence end(long id, String actor) {
		Absence absence = absences.findById(id)
			.filter(a -> a.getUserId().equals(actor) || isManager(actor))
			.orElseThrow(() -> new NotFoundException("没有这个请假：" + id, "no absence " + id));
		absence.end(actor, clock.instant());
		return absence;
	}

	/** The person's absence going on now, if any. */
	@Transactional(readOnly = true)
	public Optional<Absence> currentAbsenceOf(String userId) {
		Instant now = clock.instant();
		return absences.findByUserIdAndToGreaterThanEqualOrderByFromAsc(userId, today())
			.stream()
			.filter(a -> a.activeAt(now))
			.findFirst();
	}

	/** Everybody absent now. */
	@Transactional(readOnly = true)
	public Set<String> absentNow() {
		Instant now = clock.instant();
		return absences.findByToGreaterThanEqualOrderByFromAscUserIdAsc(today())
			.stream()
			.filter(a -> a.activeAt(now))
			.map(Absence::getUserId)
			.collect(Collectors.toSet());
	}

	/**
	 * Whom a task meant for {@code userId} by name goes to now: the person, or while they are absent their stand-in.
	 *
	 * @throws ConflictException naming the absence when they are absent without a stand-in who is there
	 */
	@Transactional(readOnly = true)
	public String assigneeFor(String userId) {
		Optional<Absence> absence = currentAbsenceOf(userId);
		if (absence.isEmpty()) {
			return userId;
		}
		String standIn = absence.get().getStandIn();
		if (standIn != null && currentAbsenceOf(standIn).isEmpty()) {
			return standIn;
		}
		throw new ConflictException(absence.get().describe() + "，没有在岗的代岗人，不能把任务交给其本人",
				userId + " is absent from " + absence.get().getFrom() + " to " + absence.get().getTo()
						+ " with no stand-in at work; the task cannot go to them");
	}

	/** Absences whose start has come but whose tasks have not moved yet (the scheduled check applies them). */
	@Transactional(readOnly = true)
	public List<Long> startedButNotApplied() {
		return absences.findStartedUnapplied(today());
	}

	/**
	 * Moves the absent person's tasks, once: the conditional update lets exactly one node (or call) do it.
	 *
	 * @return whether this call moved them
	 */
	public boolean start(long id, String actor) {
		if (absences.claimStart(id, clock.instant()) == 0) {
			return false;
		}
		Absence absence = absences.findById(id).orElseThrow();
		String standIn = absence.getStandIn() != null && currentAbsenceOf(absence.getStandIn()).isEmpty()
				? absence.getStandIn() : null;
		for (TaskMovedForAbsence moved : taskCover.moveTasksOf(absence.getUserId(), standIn,
				"请假代岗：" + absence.describe(), actor)) {
			events.publishEvent(moved);
		}
		return true;
	}

	private boolean isManager(String userId) {
		List<String> groups = members.groupsOf(userId);
		return groups.contains(Groups.MANAGERS) || groups.contains(Groups.ADMINS);
	}

	private List<String> workGroupsOf(String userId) {
		return members.groupsOf(userId).stream().filter(Groups::isWorkGroup).toList();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CountyTime.ZONE);
	}
}
