package org.zhengpaopao.window;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.RequiredCertificate;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.identity.GroupMembers;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.NotFoundException;

/**
 * The receipt (受理回执) the window hands over: what was taken, for whom (ID number masked), what happens to each
 * certificate, when it should be done, and a QR code to the tracking page. For the window that took the case (and
 * admins); to anybody else the case does not exist.
 */
@Service
class Receipts {

	private final Applications applications;
	private final ProxyRuns proxyRuns;
	private final Catalog catalog;
	private final Organization organization;
	private final GroupMembers members;
	private final String publicBaseUrl;

	Receipts(Applications applications, ProxyRuns proxyRuns, Catalog catalog, Organization organization,
			GroupMembers members, @Value("${zhengpaopao.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.applications = applications;
		this.proxyRuns = proxyRuns;
		this.catalog = catalog;
		this.organization = organization;
		this.members = members;
		this.publicBaseUrl = publicBaseUrl;
	}

	Receipt of(String caseNo, Authentication clerk) {
		Optional<Receipt> receipt = applications.find(caseNo)
			.filter(a -> mayPrint(clerk, a.getUsingDepartmentCode()))
			.map(this::of)
			.or(() -> proxyRuns.find(caseNo)
				.filter(r -> r.getApplicationCaseNo() == null && mayPrint(clerk, r.getUsingDepartmentCode()))
				.map(this::of));
		return receipt.orElseThrow(() -> new NotFoundException("没有这个办件：" + caseNo, "no case " + caseNo));
	}

	private static boolean mayPrint(Authentication clerk, String departmentCode) {
		return Groups.memberOfAny(clerk, Groups.window(departmentCode), Groups.ADMINS);
	}

	private Receipt of(Application a) {
		List<Line> lines = new ArrayList<>();
		LocalDate expectedBy = a.getReceivedAt().atZone(CountyTime.ZONE).toLocalDate();
		boolean waitsForAuthorization = false;
		for (RequiredCertificate c : a.getCertificates()) {
			lines.add(new Line(c.getCertificateName(), c.getHandling().label(), c.getPlan(), c.getProxyRunCaseNo()));
			if (c.getProxyRunCaseNo() != null) {
				ProxyRun run = proxyRuns.find(c.getProxyRunCaseNo()).orElse(null);
				if (run == null || run.getDeadline() == null) {
					waitsForAuthorization = true;
				}
				else if (run.getDeadline().isAfter(expectedBy)) {
					expectedBy = run.getDeadline();
				}
			}
		}
		return new Receipt(a.getCaseNo(), "办件受理回执", a.getState().label(), a.getMatterName(),
				ReceiptApplicant.of(a.getApplicant()), lines, expectedBy,
				waitsForAuthorization ? "代跑证明自申请人确认授权之日起计算期限" : null,
				departmentName(a.getUsingDepartmentCode()), members.nameOf(a.getReceivedBy()), a.getReceivedAt(),
				trackUrl(a.getCaseNo()));
	}

	private Receipt of(ProxyRun r) {
		String certificate = catalog.certificate(r.getCertificateCode()).map(Certificate::getName)
			.orElse(r.getCertificateCode());
		List<Line> lines = List.of(new Line(certificate, "证跑跑代跑", "由" + r.getIssuerName() + "出具，证跑跑代为调取并送达",
				r.getCaseNo()));
		return new Receipt(r.getCaseNo(), "代跑受理回执", r.getState().label(), certificate,
				ReceiptApplicant.of(r.getApplicant()), lines, r.getDeadline(),
				r.getDeadline() == null ? "自申请人确认授权之日起 " + r.getDeadlineWorkingDays() + " 个工作日内办结" : null,
				departmentName(r.getUsingDepartmentCode()), members.nameOf(r.getCreatedBy()), r.getCreatedAt(),
				trackUrl(r.getCaseNo()));
	}

	private String trackUrl(String caseNo) {
		return publicBaseUrl + "/public/track?caseNo=" + caseNo;
	}

	private String departmentName(String code) {
		return organization.department(code).map(Department::getName).orElse(code);
	}

	/**
	 * @param stateLabel   where the case stands now, for the clerk's screen (not printed)
	 * @param expectedBy   the expected completion date; {@code null} while it is not known yet
	 * @param expectedNote how the date is counted when it is not fixed yet
	 * @param trackUrl     what the QR code opens
	 * @param qrCode       the QR code of {@code trackUrl}, an SVG {@code data:} URI
	 */
	record Receipt(String caseNo, String title, String stateLabel, String subject, ReceiptApplicant applicant,
			List<Line> certificates, LocalDate expectedBy, String expectedNote, String window, String clerk,
			Instant receivedAt, String trackUrl, String qrCode) {

		Receipt(String caseNo, String title, String stateLabel, String subject, ReceiptApplicant applicant,
				List<Line> certificates, LocalDate expectedBy, String expectedNote, String window, String clerk,
				Instant receivedAt, String trackUrl) {
			this(caseNo, title, stateLabel, subject, applicant, certificates, expectedBy, expectedNote, window, clerk,
					receivedAt, trackUrl, QrCodes.svgDataUri(trackUrl));
		}
	}

	/**
	 * The applicant as the receipt prints it: a person's ID number and any phone masked; a company's credit code in
	 * full (not personal data) with its contact person.
	 */
	record ReceiptApplicant(String type, String typeLabel, String name, String idNumber, String creditCode,
			String contactName, String phone) {

		static ReceiptApplicant of(Applicant a) {
			return new ReceiptApplicant(a.type().name(), a.type().label(), a.name(), a.maskedIdNumber(), a.creditCode(),
					a.contactName(), PhoneNumber.mask(a.phone()));
		}
	}

	record Line(String certificateName, String handling, String plan, String proxyRunCaseNo) {
	}
}
