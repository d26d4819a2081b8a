package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.document.Documents;
import org.zhengpaopao.document.Download;
import org.zhengpaopao.document.StoredDocument;
import org.zhengpaopao.identity.GroupMembers;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.NotFoundException;

/**
 * The certificate a run carries from the issuing clerk to the using department: attached as a file (kept by the
 * document module, with its checksum) or an electronic licence number, handed out only as a copy stamped with what
 * it is for, every copy recorded; its file is deleted a while after the run ends.
 */
@Service
@Transactional
public class RunCertificates {

	private final ProxyRunRepository runs;
	private final Documents documents;
	private final Organization organization;
	private final GroupMembers members;
	private final Clock clock;

	RunCertificates(ProxyRunRepository runs, Documents documents, Organization organization, GroupMembers members,
			Clock clock) {
		this.runs = runs;
		this.documents = documents;
		this.organization = organization;
		this.members = members;
		this.clock = clock;
	}

	/** The issuing clerk attaches the certificate as issued; a second file replaces the first. */
	public StoredDocument attachFile(String caseNo, String filename, byte[] content, String actor) {
		ProxyRun run = awaitingIssue(caseNo);
		StoredDocument file = documents.store(caseNo, filename, content, actor);
		run.attachCertificateFile(file.id(), file.filename() + "（" + file.kind().label() + "，" + file.size()
				+ " 字节，SHA-256 " + file.sha256() + "）", actor, clock.instant());
		return file;
	}

	/** The issuing clerk gives the electronic licence's number instead of, or as well as, a file. */
	public void recordLicence(String caseNo, String licenceNumber, String actor) {
		awaitingIssue(caseNo).recordLicence(licenceNumber, actor, clock.instant());
	}

	private ProxyRun awaitingIssue(String caseNo) {
		ProxyRun run = runs.require(caseNo);
		if (run.getState() != ProxyRunState.AWAITING_ISSUE) {
			// checked before the file is stored: a refused upload leaves nothing behind
			throw new ConflictException("代跑 " + caseNo + " 当前状态为「" + run.getState().label() + "」，只有待出具时才能附上证明",
					"proxy-run " + caseNo + " is " + run.getState() + ": a certificate is attached while it awaits issue");
		}
		return run;
	}

	/**
	 * A copy of the run's file stamped on every page 「仅供{用证部门}办理{事项或代跑编号}使用 {日期}」; the download is
	 * recorded in the same transaction.
	 */
	public byte[] stampedCopy(String caseNo, String downloadedBy) {
		ProxyRun run = runs.require(caseNo);
		if (run.getCertificateDocumentId() == null) {
			throw new NotFoundException("代跑 " + caseNo + " 没有证明文件" + (run.getLicenceNumber() == null ? ""
					: "（电子证照编号 " + run.getLicenceNumber() + "，请在省电子证照平台核验）"),
					"proxy-run " + caseNo + " has no certificate file");
		}
		return documents.stampedCopy(run.getCertificateDocumentId(), stampFor(run), downloadedBy);
	}

	String stampFor(ProxyRun run) {
		String department = organization.department(run.getUsingDepartmentCode())
			.map(Department::getName)
			.orElse(run.getUsingDepartmentCode());
		String purpose = run.getMatterName() != null ? run.getMatterName() : "代跑办件" + run.getCaseNo();
		return "仅供" + department + "办理" + purpose + "使用 " + LocalDate.ofInstant(clock.instant(), CountyTime.ZONE);
	}

	@Transactional(readOnly = true)
	public Optional<StoredDocument> file(ProxyRun run) {
		return run.getCertificateDocumentId() == null ? Optional.empty()
				: documents.find(run.getCertificateDocumentId());
	}

	/** Every copy handed out for the run, whichever of its files. */
	@Transactional(readOnly = true)
	public List<Download> downloads(String caseNo) {
		return documents.downloads(caseNo);
	}

	/** who attached or took a copy, as Tasklist names them */
	String staffName(String userId) {
		return members.nameOf(userId);
	}

	/** The run has ended: its files are kept for the retention period from now, then deleted (and that recorded). */
	@EventListener
	void runEnded(ProxyRunFinished finished) {
		documents.ownerEnded(finished.caseNo(), clock.instant());
	}
}
