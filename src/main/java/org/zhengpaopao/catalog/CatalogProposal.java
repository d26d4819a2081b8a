package org.zhengpaopao.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 证明清单变更申请: a change set a catalog liaison proposed, its reason, where its review stands and what happened to
 * it. Not a catalog version: only its publication writes versions ({@link CatalogProposals#publish}).
 */
@Entity
@Table(name = "zpp_catalog_proposal")
public class CatalogProposal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "proposal_number", nullable = false, unique = true, length = 32)
	private String number;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private ProposalState state;

	@Column(nullable = false, length = 64)
	private String proposer;

	@Column(nullable = false, length = 512)
	private String reason;

	@Column(name = "proposed_at", nullable = false)
	private Instant proposedAt;

	/** the deadline of the open review step, or of the proposer's revision */
	@Column(name = "current_due")
	private Instant currentDue;

	@Column(name = "published_at")
	private Instant publishedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "zpp_catalog_proposal_change", joinColumns = @JoinColumn(name = "proposal_id"))
	@OrderColumn(name = "seq")
	private List<ProposedChange> changes = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "zpp_catalog_proposal_step", joinColumns = @JoinColumn(name = "proposal_id"))
	@OrderColumn(name = "seq")
	private List<ProposalStep> history = new ArrayList<>();

	protected CatalogProposal() {
	}

	CatalogProposal(String number, List<CatalogChange> changes, String reason, String proposer, Instant at) {
		this.number = number;
		this.state = ProposalState.REFORM_REVIEW;
		this.proposer = proposer;
		this.reason = reason;
		this.proposedAt = at;
		changes.forEach(change -> this.changes.add(new ProposedChange(change)));
		history.add(new ProposalStep(ProposalStep.Action.PROPOSED, proposer, at, reason));
	}

	void due(Instant due) {
		this.currentDue = due;
	}

	void step(ProposalStep.Action action, ProposalState next, String actor, Instant at, String note, Instant due) {
		history.add(new ProposalStep(action, actor, at, note));
		this.state = next;
		this.currentDue = due;
		if (next == ProposalState.PUBLISHED) {
			this.publishedAt = at;
		}
	}

	/** Whether any change cancels or replaces a certificate, which 县司法局 reviews first. */
	public boolean needsLegalReview() {
		return changes().stream().anyMatch(CatalogChange::needsLegalReview);
	}

	public List<CatalogChange> changes() {
		return changes.stream().map(ProposedChange::toChange).toList();
	}

	public String getNumber() {
		return number;
	}

	public ProposalState getState() {
		return state;
	}

	public String getProposer() {
		return proposer;
	}

	public String getReason() {
		return reason;
	}

	public Instant getProposedAt() {
		return proposedAt;
	}

	public Instant getCurrentDue() {
		return currentDue;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public List<ProposalStep> getHistory() {
		return List.copyOf(history);
	}
}
