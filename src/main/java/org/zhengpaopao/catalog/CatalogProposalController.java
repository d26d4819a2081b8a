package org.zhengpaopao.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Catalog change proposals (证明清单变更申请, docs/catalog-review.md): a change set for integrators, and where each
 * proposal stands. A catalog maintainer sees their own proposals; 跑改办 (managers), 县司法局 (dept-sifa) and admins
 * see all.
 */
@RestController
@RequestMapping("/api/catalog/proposals")
class CatalogProposalController {

	private final CatalogProposals proposals;
	private final Catalog catalog;

	CatalogProposalController(CatalogProposals proposals, Catalog catalog) {
		this.proposals = proposals;
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "提出证明清单变更申请（清单维护人员）/ Propose a change set: 202 with the proposal's number; "
			+ "nothing changes until the review publishes it")
	ResponseEntity<CatalogController.ProposalReceipt> propose(@RequestBody ProposalRequest request,
			Authentication staff) {
		if (request.changes() == null || request.changes().isEmpty()) {
			throw new InvalidInputException("changes", "请至少提出一项变更", "propose at least one change");
		}
		List<CatalogChange> changes = new java.util.ArrayList<>();
		for (ChangeRequest change : request.changes()) {
			if (change == null) {
				throw new InvalidInputException("changes", "变更项不能为空", "a change may not be null");
			}
			changes.add(change.toChange());
		}
		return CatalogController.proposed(proposals.propose(changes, request.reason(), staff.getName()));
	}

	@GetMapping
	@Operation(summary = "变更申请列表 / Proposals, newest first: a maintainer's own, or all for 跑改办, 县司法局 and admins")
	List<ProposalSummary> list(Authentication staff) {
		return proposals.list(seesAll(staff) ? null : own(staff)).stream().map(ProposalSummary::of).toList();
	}

	@GetMapping("/{number}")
	@Operation(summary = "一份变更申请：变更内容、状态、审核经过 / A proposal: its changes, state and history")
	ProposalView get(@PathVariable String number, Authentication staff) {
		CatalogProposal proposal = proposals.get(number);
		if (!seesAll(staff) && !proposal.getProposer().equals(own(staff))) {
			throw new AccessDeniedException("只能查看本人提出的变更申请 / only your own proposals");
		}
		return new ProposalView(ProposalSummary.of(proposal),
				proposal.changes().stream().map(this::view).toList(),
				proposal.getHistory().stream().map(StepView::of).toList());
	}

	private static boolean seesAll(Authentication staff) {
		return Groups.memberOfAny(staff, Groups.MANAGERS, CatalogProposals.LEGAL_REVIEWERS, Groups.ADMINS);
	}

	private static String own(Authentication staff) {
		if (!Groups.memberOfAny(staff, Groups.CATALOG_MAINTAINERS)) {
			throw new AccessDeniedException("只有清单维护人员、跑改办和县司法局可以查看变更申请 / proposals are for catalog "
					+ "maintainers, the reform office and the legal review");
		}
		return staff.getName();
	}

	private ChangeView view(CatalogChange change) {
		EntryTerms terms = change.terms();
		return new ChangeView(change.kind(), change.matterCode(),
				catalog.matter(change.matterCode()).map(Matter::getName).orElse(null), change.certificateCode(),
				change.certificateCode() == null ? null
						: catalog.certificate(change.certificateCode()).map(Certificate::getName).orElse(null),
				terms == null ? null : terms.disposition(), terms == null ? null : terms.replacement(),
				terms == null ? null : terms.detail(), terms == null ? null : terms.deadlineWorkingDays(),
				terms == null ? null : terms.legalBasis(), change.online(), change.zeroTrip(),
				change.needsLegalReview());
	}

	record ProposalRequest(String reason, List<ChangeRequest> changes) {
	}

	/** One change: {@code certificateCode} for the entry kinds, the terms for ADD_ENTRY and CHANGE_ENTRY. */
	record ChangeRequest(CatalogChange.Kind kind, String matterCode, String certificateCode, Disposition disposition,
			Replacement replacement, String detail, Integer deadlineWorkingDays, String legalBasis, Boolean online,
			Boolean zeroTrip) {

		CatalogChange toChange() {
			if (kind == null) {
				throw new InvalidInputException("kind", "请选择变更类型（ADD_ENTRY/CHANGE_ENTRY/RETIRE_ENTRY/SET_CAPABILITIES）",
						"choose the kind of change");
			}
			return switch (kind) {
				case ADD_ENTRY, CHANGE_ENTRY -> new CatalogChange(kind, matterCode, certificateCode,
						new EntryTerms(disposition, replacement, detail, deadlineWorkingDays, legalBasis), null, null);
				case RETIRE_ENTRY -> CatalogChange.retire(matterCode, certificateCode);
				case SET_CAPABILITIES -> new CatalogChange(kind, matterCode, null, null, online, zeroTrip);
			};
		}
	}

	record ProposalSummary(String number, ProposalState state, String stateLabel, String proposer, String reason,
			Instant proposedAt, Instant due, Instant publishedAt, boolean needsLegalReview, int changes) {

		static ProposalSummary of(CatalogProposal p) {
			return new ProposalSummary(p.getNumber(), p.getState(), p.getState().label(), p.getProposer(),
					p.getReason(), p.getProposedAt(), p.getCurrentDue(), p.getPublishedAt(), p.needsLegalReview(),
					p.changes().size());
		}
	}

	record ChangeView(CatalogChange.Kind kind, String matterCode, String matterName, String certificateCode,
			String certificateName, Disposition disposition, Replacement replacement, String detail,
			Integer deadlineWorkingDays, String legalBasis, Boolean online, Boolean zeroTrip,
			boolean needsLegalReview) {
	}

	record StepView(ProposalStep.Action action, String actionLabel, String actor, Instant at, String note) {

		static StepView of(ProposalStep step) {
			return new StepView(step.getAction(), step.getAction().label(), step.getActor(), step.getActedAt(),
					step.getNote());
		}
	}

	record ProposalView(ProposalSummary proposal, List<ChangeView> changes, List<StepView> history) {
	}
}
