package org.zhengpaopao.demandreport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DemandReportRepository extends JpaRepository<DemandReport, Long> {

	Optional<DemandReport> findByTrackingNumber(String trackingNumber);

	boolean existsByTrackingNumber(String trackingNumber);

	/**
	 * The same reporter's report of the same demand with a case of its own, if one came in since {@code since}:
	 * repeats are not matched, so they never chain and never stretch the time.
	 */
	Optional<DemandReport> findFirstByContactPhoneAndDepartmentCodeAndCertificateCodeAndDuplicateOfIsNullAndSubmittedAtAfterOrderBySubmittedAtDesc(
			String contactPhone, String departmentCode, String certificateCode, Instant since);

	/** The repeats of a report, oldest first. */
	List<DemandReport> findByDuplicateOfOrderBySubmittedAt(String trackingNumber);

	/** Reports with a case of their own, newest first; a null status or department matches all. */
	@Query("select r from DemandReport r where r.duplicateOf is null and (?1 is null or r.status = ?1) "
			+ "and (?2 is null or r.departmentCode = ?2) order by r.submittedAt desc")
	List<DemandReport> findNewestFirst(DemandReportStatus status, String departmentCode);

	interface DepartmentCount {

		String getDepartmentCode();

		long getReports();
	}

	/** Confirmed reports per department whose finding was recorded in [from, to). */
	@Query("select r.departmentCode as departmentCode, count(r) as reports from DemandReport r "
			+ "where r.finding = org.zhengpaopao.demandreport.Finding.CONFIRMED and r.foundAt >= ?1 and r.foundAt < ?2 "
			+ "group by r.departmentCode")
	List<DepartmentCount> confirmedByDepartment(Instant from, Instant to);
}
