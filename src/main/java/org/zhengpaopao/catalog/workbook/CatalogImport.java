package org.zhengpaopao.catalog.workbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** One workbook imported: its preview, row by row, and what its importer decided. */
@Entity
@Table(name = "zpp_catalog_import")
class CatalogImport {

	enum Status {
		/** previewed, waiting for the importer */
		PREVIEWED,
		/** its good rows went to the review as a proposal */
		CONFIRMED,
		/** the importer dropped it */
		DROPPED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "file_name", nullable = false, length = 200)
	private String fileName;

	@Column(name = "imported_by", nullable = false, length = 64)
	private String importedBy;

	@Column(name = "imported_at", nullable = false)
	private Instant importedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Status status;

	/** entries in force the workbook does not list: not retired by the import, only told */
	@Column(name = "missing_entries", nullable = false)
	private int missingEntries;

	@Column(name = "decided_by", length = 64)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "proposal_number", length = 64)
	private String proposalNumber;

	// an import is always read with its rows: the preview shows them, the confirmation proposes them
	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "import_id", nullable = false)
	@OrderBy("sheet, sheetRow")
	private List<ImportRow> rows = new ArrayList<>();

	protected CatalogImport() {
	}

	CatalogImport(String fileName, String importedBy, Instant importedAt, List<ImportRow> rows, int missingEntries) {
		this.fileName = fileName;
		this.importedBy = importedBy;
		this.importedAt = importedAt;
		this.status = Status.PREVIEWED;
		this.rows.addAll(rows);
		this.missingEntries = missingEntries;
	}

	void confirm(String by, Instant at, String proposalNumber) {
		decide(Status.CONFIRMED, by, at);
		this.proposalNumber = proposalNumber;
	}

	void drop(String by, Instant at) {
		decide(Status.DROPPED, by, at);
	}

	private void decide(Status next, String by, Instant at) {
		if (status != Status.PREVIEWED) {
			throw new IllegalStateException("import " + id + " is already " + status);
		}
		status = next;
		decidedBy = by;
		decidedAt = at;
	}

	Long getId() {
		return id;
	}

	String getFileName() {
		return fileName;
	}

	String getImportedBy() {
		return importedBy;
	}

	Instant getImportedAt() {
		return importedAt;
	}

	Status getStatus() {
		return status;
	}

	int getMissingEntries() {
		return missingEntries;
	}

	String getDecidedBy() {
		return decidedBy;
	}

	Instant getDecidedAt() {
		return decidedAt;
	}

	String getProposalNumber() {
		return proposalNumber;
	}

	List<ImportRow> getRows() {
		return rows;
	}
}
