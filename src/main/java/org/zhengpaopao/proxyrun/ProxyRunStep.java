package org.zhengpaopao.proxyrun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One entry of a run's history: what happened, who did it, when. */
@Embeddable
public class ProxyRunStep {

	@Column(name = "step", nullable = false, length = 48)
	private String step;

	@Column(name = "label", nullable = false, length = 64)
	private String label;

	@Column(name = "actor", nullable = false, length = 64)
	private String actor;

	@Column(name = "happened_at", nullable = false)
	private Instant at;

	@Column(name = "note", length = 1000)
	private String note;

	protected ProxyRunStep() {
	}

	ProxyRunStep(ProxyRunStepKind kind, String label, String actor, Instant at, String note) {
		this.step = kind.key();
		this.label = label;
		this.actor = actor;
		this.at = at;
		this.note = note;
	}

	public String getStep() {
		return step;
	}

	/** @return null for a key this version never writes (a row edited by hand) */
	public ProxyRunStepKind kind() {
		return ProxyRunStepKind.ofKey(step);
	}

	public boolean is(ProxyRunStepKind kind) {
		return kind() == kind;
	}

	public String getLabel() {
		return label;
	}

	public String getActor() {
		return actor;
	}

	public Instant getAt() {
		return at;
	}

	public String getNote() {
		return note;
	}
}
