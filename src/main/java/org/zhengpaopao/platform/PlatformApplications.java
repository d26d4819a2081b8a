package org.zhengpaopao.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationState;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRunStep;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.proxyrun.RunCertificates;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import org.zhengpaopao.platform.PlatformApplicationRequest.Kind;

/**
 * The platform's applications: taken through the window's own services with the intake {@code PLATFORM} and the
 * authorization given by the online submission (ADR 0038), once per platform application id (ADR 0039); their
 * status as the platform reads it, and the stamped copy of a delivered run's certificate.
 */
@Service
@Transactional
class PlatformApplications {

	static final String ACTOR = PlatformSignatureFilter.PRINCIPAL;
	static final String BASE_PATH = "/api/platform/applications/";

	private final Applications applications;
	private final ProxyRuns proxyRuns;
	private final RunCertificates certificates;
	private final Catalog catalog;
	private final JdbcTemplate jdbc;
	private final PlatformCallbacks callbacks;
	private final Clock clock;
	private final String publicBaseUrl;

	PlatformApplications(Applications applications, ProxyRuns proxyRuns, RunCertificates certificates, Catalog catalog,
			JdbcTemplate jdbc, PlatformCallbacks callbacks, Clock clock,
			@Value("${zhengpaopao.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.applications = applications;
		this.proxyRuns = proxyRuns;
		this.certificates = certificates;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.callbacks = callbacks;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl;
	}

	/** A case taken now, or the one this platform id took before. */
	record Received(Status status, boolean created) {
	}

	/** What the platform is told: by the callbacks and by {@code GET /api/platform/applications/{id}}. */
	record Status(String platformApplicationId, String caseNo, Kind kind, String status, String statusName,
			Instant receivedAt, String decision, String reason, String licenceNumber, String certificateCopyUrl) {
	}

	private record Row(String platformApplicationId, String caseNo, Kind kind, String fingerprint, Instant receivedAt) {
	}

	Received take(PlatformApplicationRequest request) {
		String id = platformId(request.platformApplicationId());
		if (request.kind() == null) {
			throw new InvalidInputException("kind", "请说明申请类型：APPLICATION（办件）或 PROXY_RUN（单独代跑）",
					"kind is APPLICATION or PROXY_RUN");
		}
		String fingerprint = fingerprint(request);
		Optional<Row> earlier = row(id);
		if (earlier.isPresent()) {
			if (!earlier.get().fingerprint().equals(fingerprint)) {
				throw new ConflictException("平台申请号 " + id + " 已用于另一份内容不同的申请（办件 " + earlier.get().caseNo() + "）",
						"platform application id " + id + " was used for a different application");
			}
			return new Received(status(earlier.get()), false);
		}
		Intake intake = Intake.platform(id);
		String caseNo = switch (request.kind()) {
			case APPLICATION -> takeApplication(request, intake);
			case PROXY_RUN -> openProxyRun(request, intake);
		};
		Row row = new Row(id, caseNo, request.kind(), fingerprint, clock.instant());
		// unique platform id: of two copies sent at once, the second rolls back with its case and finds the first
		jdbc.update("insert into zpp_platform_application (platform_application_id, case_no, kind, request_fingerprint, "
				+ "received_at) values (?, ?, ?, ?, ?)", id, caseNo, row.kind().name(), fingerprint,
				Timestamp.from(row.receivedAt()));
		Status status = status(row);
		callbacks.accepted(status);
		return new Received(status, true);
	}

	private String takeApplication(PlatformApplicationRequest request, Intake intake) {
		if (request.certificateCode() != null || request.usingDepartmentCode() != null) {
			throw new InvalidInputException("kind", "办件（APPLICATION）不填 certificateCode、usingDepartmentCode，由事项决定",
					"an APPLICATION names its matter; certificateCode and usingDepartmentCode belong to a PROXY_RUN");
		}
		Optional<Matter> matter = request.matterCode() == null ? Optional.empty() : catalog.matter(request.matterCode().strip());
		if (matter.isPresent() && !matter.get().isOnline()) {
			throw new InvalidInputException("matterCode",
					"事项「" + matter.get().getName() + "」未开通网上办理（非可网办事项），请申请人到窗口办理",
					"the matter is not offered online; the applicant applies at the window");
		}
		// the real-name check and the applicant's own submission are the authorization (ADR 0038)
		return applications.take(new NewApplication(request.applicantType(), request.applicantName(), request.idNumber(),
				request.creditCode(), request.contactName(), request.phone(), request.townshipCode(),
				request.villageCode(), request.matterCode(), request.requiredCertificates(), request.commitments(), true),
				intake, null, ACTOR).application().getCaseNo();
	}

	private String openProxyRun(PlatformApplicationRequest request, Intake intake) {
		if (request.matterCode() != null || !request.requiredCertificates().isEmpty()
				|| !request.commitments().isEmpty()) {
			throw new InvalidInputException("kind", "单独代跑（PROXY_RUN）不填 matterCode、requiredCertificates、commitments",
					"a PROXY_RUN names certificateCode and usingDepartmentCode, not a matter");
		}
		String department = request.usingDepartmentCode() == null ? null : request.usingDepartmentCode().strip();
		// 可网办 for a run: the using department handles at least one matter online (ADR 0039)
		if (department != null && catalog.matters().stream()
			.noneMatch(m -> m.isOnline() && department.equals(m.getUsingDepartmentCode()))) {
			throw new InvalidInputException("usingDepartmentCode", "用证部门 " + department + " 没有可网办事项，不受理网上代跑申请，请到窗口办理",
					"the using department offers no matter online; apply at the window");
		}
		return proxyRuns.open(new NewProxyRun(request.applicantType(), request.applicantName(), request.idNumber(),
				request.creditCode(), request.contactName(), request.phone(), request.townshipCode(),
				request.villageCode(), request.certificateCode(), request.usingDepartmentCode(), true), intake, null, ACTOR)
			.run()
			.getCaseNo();
	}

	@Transactional(readOnly = true)
	Status status(String platformApplicationId) {
		return status(known(platformApplicationId));
	}

	/** The stamped copy of a delivered stand-alone run's certificate file, recorded as a download by the platform. */
	byte[] certificateCopy(String platformApplicationId) {
		Row row = known(platformApplicationId);
		ProxyRun run = row.kind() == Kind.PROXY_RUN ? proxyRuns.find(row.caseNo()).orElse(null) : null;
		if (run == null || run.getState() != ProxyRunState.DELIVERED || run.getCertificateDocumentId() == null) {
			throw new NotFoundException("平台申请 " + platformApplicationId + " 没有可下载的证明文件（仅已送达的单独代跑有）",
					"no certificate file for platform application " + platformApplicationId);
		}
		return certificates.stampedCopy(run.getCaseNo(), ACTOR);
	}

	@Transactional(readOnly = true)
	String caseNo(String platformApplicationId) {
		return known(platformApplicationId).caseNo();
	}

	/** The status of a case the platform forwarded; empty for any other case. In the caller's transaction. */
	Optional<Status> statusOfCase(String caseNo) {
		return jdbc.query("select platform_application_id, case_no, kind, request_fingerprint, received_at "
				+ "from zpp_platform_application where case_no = ?", (rs, n) -> row(rs), caseNo).stream().findFirst()
			.map(this::status);
	}

	private Row known(String platformApplicationId) {
		return row(platformApplicationId == null ? "" : platformApplicationId.strip())
			.orElseThrow(() -> new NotFoundException("没有这个平台申请号：" + platformApplicationId,
					"no platform application " + platformApplicationId));
	}

	private Optional<Row> row(String id) {
		return jdbc.query("select platform_application_id, case_no, kind, request_fingerprint, received_at "
				+ "from zpp_platform_application where platform_application_id = ?", (rs, n) -> row(rs), id)
			.stream()
			.findFirst();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getTimestamp(5).toInstant());
	}

	private Status status(Row row) {
		if (row.kind() == Kind.APPLICATION) {
			Application a = applications.find(row.caseNo()).orElseThrow();
			ApplicationState state = a.getState();
			boolean decided = state == ApplicationState.APPROVED || state == ApplicationState.REJECTED;
			return new Status(row.platformApplicationId(), row.caseNo(), row.kind(), state.name(), state.label(),
					row.receivedAt(), decided ? state.label() : null,
					state == ApplicationState.REJECTED ? a.getRejectionReason() : null, null, null);
		}
		ProxyRun run = proxyRuns.find(row.caseNo()).orElseThrow();
		ProxyRunState state = run.getState();
		boolean delivered = state == ProxyRunState.DELIVERED;
		String reason = state == ProxyRunState.REFUSED || state == ProxyRunState.CLOSED_AS_EXCEPTION
				? lastNote(run.getSteps()) : null;
		String copyUrl = delivered && run.getCertificateDocumentId() != null
				? publicBaseUrl + BASE_PATH + row.platformApplicationId() + "/certificate" : null;
		return new Status(row.platformApplicationId(), row.caseNo(), row.kind(), state.name(), state.label(),
				row.receivedAt(), null, reason, delivered ? run.getLicenceNumber() : null, copyUrl);
	}

	private static String lastNote(List<ProxyRunStep> steps) {
		return steps.isEmpty() ? null : steps.get(steps.size() - 1).getNote();
	}

	private static String platformId(String raw) {
		String id = raw == null ? "" : raw.strip();
		if (id.isEmpty() || id.length() > Intake.MAX_REFERENCE || !id.chars().allMatch(c -> c > 32 && c < 127)) {
			throw new InvalidInputException("platformApplicationId", "平台申请号必填，为不超过64个可见ASCII字符",
					"platformApplicationId is required, at most 64 visible ASCII characters");
		}
		return id;
	}

	/** Every field as sent, lists as sets: the same application again matches, any change does not. */
	private static String fingerprint(PlatformApplicationRequest r) {
		return Idempotency.fingerprint(r.kind(), r.applicantType(), r.applicantName(), r.idNumber(), r.creditCode(),
				r.contactName(), r.phone(), r.townshipCode(), r.villageCode(), r.matterCode(),
				new TreeSet<>(r.requiredCertificates().stream().map(String::valueOf).toList()),
				new TreeSet<>(r.commitments().stream().map(String::valueOf).toList()), r.certificateCode(),
				r.usingDepartmentCode());
	}
}
