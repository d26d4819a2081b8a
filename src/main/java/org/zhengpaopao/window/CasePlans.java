package org.zhengpaopao.window;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.NotFoundException;

/**
 * What a case will need before the clerk takes it: for a matter, every certificate it used to require and what
 * happens to it now, with the date a runner would have it by; for a certificate on its own, who issues it and by
 * when. Counted from today on the working-day calendar, as the runs will be. The village agents' page shows the
 * same plans.
 */
@Service
public class CasePlans {

	private final Catalog catalog;
	private final Organization organization;
	private final WorkingDayCalendar calendar;
	private final Clock clock;

	CasePlans(Catalog catalog, Organization organization, WorkingDayCalendar calendar, Clock clock) {
		this.catalog = catalog;
		this.organization = organization;
		this.calendar = calendar;
		this.clock = clock;
	}

	public MatterPlan forMatter(String matterCode) {
		Matter matter = catalog.matter(matterCode)
			.orElseThrow(() -> new NotFoundException("没有这个事项：" + matterCode, "no matter " + matterCode));
		List<CertificatePlan> certificates = catalog.entriesInForce(matter.getCode())
			.stream()
			.map(this::plan)
			.toList();
		LocalDate expectedBy = certificates.stream()
			.map(CertificatePlan::deadline)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(today());
		return new MatterPlan(matter.getCode(), matter.getName(), matter.getCategory().name(),
				matter.getUsingDepartmentCode(), departmentName(matter.getUsingDepartmentCode()), certificates,
				expectedBy);
	}

	public RunPlan forCertificate(String certificateCode) {
		Certificate certificate = catalog.certificate(certificateCode)
			.filter(c -> catalog.keepsAsProxyRun(c.getCode()))
			.orElseThrow(() -> new NotFoundException("没有这个代跑证明：" + certificateCode,
					"no certificate kept as a proxy-run: " + certificateCode));
		String issuer = switch (certificate.getIssuingLevel()) {
			case TOWNSHIP -> "申请人所在乡镇（街道）";
			case VILLAGE -> "申请人所在村（社区），由乡镇（街道）出具";
			default -> departmentName(certificate.getIssuingDepartmentCode());
		};
		return new RunPlan(certificate.getCode(), certificate.getName(), issuer, certificate.getFetchWorkingDays(),
				deadline(certificate.getFetchWorkingDays()));
	}

	private CertificatePlan plan(CatalogEntry entry) {
		Certificate certificate = catalog.certificate(entry.getCertificateCode()).orElseThrow();
		boolean commitment = entry.getDisposition() == Disposition.REPLACED
				&& entry.getReplacement() == Replacement.COMMITMENT;
		// a proxy-run, or a commitment the applicant may decline (then a runner fetches it)
		boolean runner = entry.getDisposition() == Disposition.PROXY || commitment;
		int days = entry.getDisposition() == Disposition.PROXY && entry.getDeadlineWorkingDays() != null
				? entry.getDeadlineWorkingDays() : certificate.getFetchWorkingDays();
		String outcome = switch (entry.getDisposition()) {
			case CANCELLED -> "已取消，无需提供";
			case SHARED -> "共享核验，数据缺失时转由证跑跑代跑";
			case REPLACED -> commitment ? "告知承诺：申请人签署告知承诺书；不签署则由证跑跑代跑" : "证照替代，共享核验证照";
			case PROXY -> "证跑跑代跑，" + days + "个工作日内办结";
		};
		return new CertificatePlan(certificate.getCode(), certificate.getName(), entry.getDisposition().name(),
				entry.getDisposition().label(), outcome, entry.getDetail(), commitment,
				runner ? days : null, entry.getDisposition() == Disposition.PROXY ? deadline(days) : null);
	}

	private LocalDate deadline(int workingDays) {
		return calendar.deadline(today(), workingDays).date();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CountyTime.ZONE));
	}

	private String departmentName(String code) {
		return organization.department(code).map(Department::getName).orElse(code);
	}

	/**
	 * @param detail   the catalog's words for the entry; for a commitment, the text printed on the 告知承诺书
	 * @param deadline the date a runner would deliver it by, for a proxy-run entry
	 */
	public record CertificatePlan(String certificateCode, String certificateName, String disposition,
			String dispositionLabel, String outcome, String detail, boolean commitmentChoosable,
			Integer workingDays, LocalDate deadline) {
	}

	public record MatterPlan(String matterCode, String matterName, String category, String usingDepartmentCode,
			String usingDepartmentName, List<CertificatePlan> certificates, LocalDate expectedBy) {
	}

	public record RunPlan(String certificateCode, String certificateName, String issuer, int workingDays,
			LocalDate deadline) {
	}
}
