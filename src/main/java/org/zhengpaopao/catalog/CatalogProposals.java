package org.zhengpaopao.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;
import org.zhengpaopao.system.Text;
import org.zhengpaopao.workflow.OverdueLevel;
import org.zhengpaopao.workflow.OverdueNotice;
import org.zhengpaopao.workflow.StepDeadlines;

/**
 * The county's review of catalog changes (docs/catalog-review.md): takes a liaison's change set, checked as a whole,
 * keeps it as a proposal with its history, records each review step the process reports, and publishes the changes
 * as catalog versions in one transaction once the review passed. Until then the catalog does not change.
 */
@Service
@Transactional
public class CatalogProposals implements CatalogReview {

	/** 县司法局's issuing clerks: the county's legal review (合法性审查) */
	public static final String LEGAL_REVIEWERS = Groups.issuingClerks("sifa");
	static final int MAX_REASON = 480;
	static final int MAX_NOTE = 1000;
	static final int MAX_CHANGES = 500;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final CatalogProposalRepository proposals;
	private final Catalog catalog;
	private final MatterRepository matters;
	private final CatalogReviewProcess process;
	private final WorkingDayCalendar calendar;
	private final Notifier notifier;
	private final Clock clock;
	private final int reformWorkingDays;
	private final int legalWorkingDays;
	private final int revisionWorkingDays;

	CatalogProposals(CatalogProposalRepository proposals, Catalog catalog, MatterRepository matters,
			CatalogReviewProcess process, WorkingDayCalendar calendar, Notifier notifier, Clock clock,
			@Value("${zhengpaopao.catalog-review.reform-working-days:3}") int reformWorkingDays,
			@Value("${zhengpaopao.catalog-review.legal-working-days:5}") int legalWorkingDays,
			@Value("${zhengpaopao.catalog-review.revision-working-days:10}") int revisionWorkingDays) {
		this.proposals = proposals;
		this.catalog = catalog;
		this.matters = matters;
		this.process = process;
		this.calendar = calendar;
		this.notifier = notifier;
		this.clock = clock;
		this.reformWorkingDays = reformWorkingDays;
		this.legalWorkingDays = legalWorkingDays;
		this.revisionWorkingDays = revisionWorkingDays;
	}

	@Override
	public String propose(List<CatalogChange> changes, String reason, String proposer) {
		String why = Text.required(reason, "reason", MAX_REASON, true, "请写明调整理由（不超过480字）",
				"a reason of at most 480 characters is required");
		check(changes);
		LocalDate today = today();
		Instant now = clock.instant();
		CatalogProposal proposal = new CatalogProposal(newNumber(today), changes, why, proposer, now);
		StepDeadlines review = StepDeadlines.after(calendar, today, reformWorkingDays);
		proposal.due(review.dueAt());
		proposal = proposals.save(proposal);
		process.start(proposal, summary(proposal), review);
		return proposal.getNumber();
	}

	/** Refuses a change set that could not be published as it stands, naming the first change at fault. */
	void check(List<CatalogChange> changes) {
		if (changes == null || changes.isEmpty()) {
			throw new InvalidInputException("changes", "请至少提出一项变更", "propose at least one change");
		}
		if (changes.size() > MAX_CHANGES) {
			throw new InvalidInputException("changes", "一次至多提出" + MAX_CHANGES + "项变更",
					"at most " + MAX_CHANGES + " changes at a time");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < changes.size(); i++) {
			CatalogChange change = changes.get(i);
			String at = "changes[" + i + "]";
			if (change == null || change.kind() == null) {
				throw new InvalidInputException(at + ".kind",
						"第" + (i + 1) + "项：请选择变更类型（ADD_ENTRY/CHANGE_ENTRY/RETIRE_ENTRY/SET_CAPABILITIES）",
						"choose the kind of change");
			}
			String no = "第" + (i + 1) + "项：";
			Matter matter = catalog.matter(change.matterCode())
				.orElseThrow(() -> new InvalidInputException(at + ".matterCode", no + "没有这个事项：" + change.matterCode(),
						"unknown matter"));
			if (change.kind() == CatalogChange.Kind.SET_CAPABILITIES) {
				if (change.online() == null || change.zeroTrip() == null) {
					throw new InvalidInputException(at + ".online", no + "请选择是否「可网办」和「零跑腿」",
							"online and zeroTrip are required");
				}
				if (change.zeroTrip() && !change.online()) {
					throw new InvalidInputException(at + ".zeroTrip", no + "「零跑腿」的事项必须「可网办」",
							"a zero-trip matter must be online");
				}
				if (!seen.add(matter.getCode())) {
					throw new InvalidInputException(at + ".matterCode", no + "同一事项的办理方式只能调整一次",
							"the same matter's capabilities twice");
				}
				continue;
			}
			Certificate certificate = catalog.certificate(change.certificateCode() == null ? null
					: change.certificateCode().strip())
				.orElseThrow(() -> new InvalidInputException(at + ".certificateCode",
						no + "证明目录中没有这个证明：" + change.certificateCode(), "unknown certificate"));
			if (!seen.add(matter.getCode() + "/" + certificate.getCode())) {
				throw new InvalidInputException(at + ".certificateCode",
						no + "同一条目（" + matter.getCode() + "/" + certificate.getCode() + "）在本次申请中出现两次",
						"the same entry twice");
			}
			if (change.kind() != CatalogChange.Kind.RETIRE_ENTRY && change.terms() == null) {
				throw new InvalidInputException(at + ".disposition", no + "请选择处理方式", "choose a disposition");
			}
			boolean listed = catalog.entriesInForce(matter.getCode())
				.stream()
				.anyMatch(e -> e.getCertificateCode().equals(certificate.getCode()));
			if (change.kind() == CatalogChange.Kind.ADD_ENTRY && listed) {
				throw new ConflictException(no + "事项 " + matter.getCode() + " 已列有证明 " + certificate.getCode()
						+ "，请提出调整而不是新增", "the matter already lists this certificate; change it instead");
			}
			if (change.kind() != CatalogChange.Kind.ADD_ENTRY && !listed) {
				throw new ConflictException(no + "事项 " + matter.getCode() + " 的现行证明清单中没有 "
						+ certificate.getCode(), "no catalog entry in force for " + matter.getCode() + "/"
								+ certificate.getCode());
			}
		}
	}

	private String newNumber(LocalDate today) {
		String prefix = "TZ" + DAY.format(today) + "-";
		long next = proposals.countByNumberStartingWith(prefix) + 1;
		while (proposals.findByNumber(prefix + String.format("%06d", next)).isPresent()) {
			next++;
		}
		return prefix + String.format("%06d", next);
	}

	@Transactional(readOnly = true)
	public CatalogProposal get(String number) {
		return (number == null ? Optional.<CatalogProposal>empty() : proposals.findByNumber(number.strip()))
			.orElseThrow(() -> new NotFoundException("没有这个变更申请：" + number, "no proposal " + number));
	}

	/** Every proposal, newest first, or only {@code proposer}'s. */
	@Transactional(readOnly = true)
	public List<CatalogProposal> list(String proposer) {
		return proposer == null ? proposals.findAllByOrderByProposedAtDesc()
				: proposals.findByProposerOrderByProposedAtDesc(proposer);
	}

	/** The changes as the forms show them: one line each, with the names. */
	@Transactional(readOnly = true)
	public String summary(CatalogProposal proposal) {
		StringBuilder text = new StringBuilder();
		int i = 0;
		for (CatalogChange change : proposal.changes()) {
			String matter = catalog.matter(change.matterCode()).map(Matter::getName).orElse(change.matterCode());
			text.append(++i).append(". ").append(matter).append("（").append(change.matterCode()).append("）：");
			String certificate = change.certificateCode() == null ? ""
					: catalog.certificate(change.certificateCode()).map(Certificate::getName).orElse("") + "（"
							+ change.certificateCode() + "）";
			switch (change.kind()) {
				case ADD_ENTRY -> text.append("新增 ").append(certificate).append("，").append(terms(change.terms()));
				case CHANGE_ENTRY -> text.append("调整 ").append(certificate).append(" 为").append(terms(change.terms()));
				case RETIRE_ENTRY -> text.append("移出清单 ").append(certificate);
				case SET_CAPABILITIES -> text.append("可网办 ").append(change.online() ? "是" : "否")
					.append("，零跑腿 ")
					.append(change.zeroTrip() ? "是" : "否");
			}
			if (change.needsLegalReview()) {
				text.append("〔须合法性审查〕");
			}
			text.append('\n');
		}
		return text.toString().strip();
	}

	private static String terms(EntryTerms terms) {
		return "「" + terms.disposition().label() + "」" + (terms.replacement() == null ? ""
				: terms.replacement() == Replacement.LICENCE ? "（以证照替代）" : "（以告知承诺替代）") + "：" + terms.detail()
				+ (terms.deadlineWorkingDays() == null ? "" : "，时限" + terms.deadlineWorkingDays() + "个工作日")
				+ (terms.legalBasis() == null || terms.legalBasis().isEmpty() ? "" : "，依据：" + terms.legalBasis());
	}

	// ----------------------------------------------------------------------------- the review's steps

	/** 跑改办审核通过: the legal review's deadlines when a change needs it, else none (publication follows). */
	public Optional<StepDeadlines> approve(String number, String note, String actor) {
		CatalogProposal proposal = inState(number, ProposalState.REFORM_REVIEW);
		if (!proposal.needsLegalReview()) {
			proposal.step(ProposalStep.Action.APPROVED, ProposalState.REFORM_REVIEW, actor, clock.instant(), note,
					null);
			return Optional.empty();
		}
		StepDeadlines legal = StepDeadlines.after(calendar, today(), legalWorkingDays);
		proposal.step(ProposalStep.Action.APPROVED, ProposalState.LEGAL_REVIEW, actor, clock.instant(), note,
				legal.dueAt());
		return Optional.of(legal);
	}

	/** 合法性审查通过: publication follows. */
	public void approveLegality(String number, String note, String actor) {
		inState(number, ProposalState.LEGAL_REVIEW).step(ProposalStep.Action.LEGAL_APPROVED,
				ProposalState.LEGAL_REVIEW, actor, clock.instant(), note, null);
	}

	/**
	 * A refusal at either review: back to the proposer with the reason, which is required; the revision's deadline.
	 */
	public StepDeadlines refuse(String number, String reason, String actor) {
		CatalogProposal proposal = get(number);
		if (proposal.getState() != ProposalState.REFORM_REVIEW && proposal.getState() != ProposalState.LEGAL_REVIEW) {
			throw new ConflictException("该变更申请不在审核中", "the proposal is not under review");
		}
		String why = Text.required(reason, "reviewNote", MAX_NOTE, true, "退回须写明理由（不超过1000字）",
				"a refusal needs a reason of at most 1000 characters");
		ProposalStep.Action action = proposal.getState() == ProposalState.LEGAL_REVIEW
				? ProposalStep.Action.LEGAL_REFUSED : ProposalStep.Action.REFUSED;
		StepDeadlines revision = StepDeadlines.after(calendar, today(), revisionWorkingDays);
		proposal.step(action, ProposalState.RETURNED, actor, clock.instant(), why, revision.dueAt());
		return revision;
	}

	/** 修改后重新提交: to 跑改办 again; its deadlines. The change set stays as proposed (docs/catalog-review.md). */
	public StepDeadlines resubmit(String number, String note, String actor) {
		CatalogProposal proposal = inState(number, ProposalState.RETURNED);
		StepDeadlines review = StepDeadlines.after(calendar, today(), reformWorkingDays);
		proposal.step(ProposalStep.Action.RESUBMITTED, ProposalState.REFORM_REVIEW, actor, clock.instant(), note,
				review.dueAt());
		return review;
	}

	/** 撤回: ends the review; nothing is applied. */
	public void withdraw(String number, String note, String actor) {
		inState(number, ProposalState.RETURNED).step(ProposalStep.Action.WITHDRAWN, ProposalState.WITHDRAWN, actor,
				clock.instant(), note, null);
	}

	/**
	 * 发布: every change as a catalog version, by the proposer, with the proposal's number and reason as the change
	 * reason, in one transaction: a change the catalog no longer allows (another change came first) refuses them all.
	 */
	public void publish(String number, String actor) {
		CatalogProposal proposal = get(number);
		if (proposal.getState() != ProposalState.REFORM_REVIEW && proposal.getState() != ProposalState.LEGAL_REVIEW) {
			throw new ConflictException("该变更申请不在审核中，不能发布", "the proposal is not under review");
		}
		String reason = "变更申请 " + proposal.getNumber() + "：" + proposal.getReason();
		String by = proposal.getProposer();
		for (CatalogChange change : proposal.changes()) {
			switch (change.kind()) {
				case ADD_ENTRY -> catalog.add(change.matterCode(), change.certificateCode(), change.terms(), by, reason);
				case CHANGE_ENTRY -> catalog.change(change.matterCode(), change.certificateCode(), change.terms(), by,
						reason);
				case RETIRE_ENTRY -> catalog.retire(change.matterCode(), change.certificateCode(), by, reason);
				case SET_CAPABILITIES -> matters.findById(change.matterCode())
					.orElseThrow(() -> new NotFoundException("没有这个事项：" + change.matterCode(),
							"no matter " + change.matterCode()))
					.changeCapabilities(change.online(), change.zeroTrip());
			}
		}
		proposal.step(ProposalStep.Action.PUBLISHED, ProposalState.PUBLISHED, actor, clock.instant(), null, null);
	}

	/** A review step's yellow or red card: the reviewing group hears, the task force too at the red card. */
	public void stepOverdue(String number, String step, OverdueLevel level, String caseLink) {
		CatalogProposal proposal = get(number);
		boolean legal = proposal.getState() == ProposalState.LEGAL_REVIEW;
		LocalDate due = proposal.getCurrentDue() == null ? null
				: proposal.getCurrentDue().atZone(CountyTime.ZONE).toLocalDate();
		new OverdueNotice(level, "证明清单变更申请 " + number, number, step, legal ? "县司法局" : "跑改办", due, null, null,
				caseLink).send(notifier, legal ? LEGAL_REVIEWERS : Groups.MANAGERS);
	}

	private CatalogProposal inState(String number, ProposalState state) {
		CatalogProposal proposal = get(number);
		if (proposal.getState() != state) {
			throw new ConflictException("该变更申请当前" + proposal.getState().label() + "，不能进行此操作",
					"the proposal is " + proposal.getState());
		}
		return proposal;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CountyTime.ZONE));
	}
}
