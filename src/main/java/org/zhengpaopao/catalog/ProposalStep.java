package org.zhengpaopao.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of a proposal's history: who did what, when, and the note (a refusal's reason). */
@Embeddable
public class ProposalStep {

	public enum Action {
		PROPOSED("提出变更申请"), APPROVED("跑改办审核通过"), REFUSED("跑改办退回"), LEGAL_APPROVED("合法性审查通过"),
		LEGAL_REFUSED("合法性审查退回"), RESUBMITTED("修改后重新提交"), WITHDRAWN("撤回"), PUBLISHED("发布");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Action action;

	@Column(nullable = false, length = 64)
	private String actor;

	@Column(name = "acted_at", nullable = false)
	private Instant actedAt;

	@Column(length = 1000)
	private String note;

	protected ProposalStep() {
	}

	ProposalStep(Action action, String actor, Instant actedAt, String note) {
		this.action = action;
		this.actor = actor;
		this.actedAt = actedAt;
		this.note = note;
	}

	public Action getAction() {
		return action;
	}

	public String getActor() {
		return actor;
	}

	public Instant getActedAt() {
		return actedAt;
	}

	public String getNote() {
		return note;
	}
}
