package org.zhengpaopao.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;

/**
 * One certificate of a case on the aggregate alone (no Spring, no engine, no database): each handling settles it
 * its own way, once; a check or commitment that cannot stand in falls back to a proxy-run; a sampled commitment is
 * post-verified once.
 */
class RequiredCertificateTransitionsTests {

	static final Instant TAKEN = Instant.parse("2026-12-07T02:00:00Z");

	static RequiredCertificate certificate(Disposition disposition, Replacement replacement, Handling handling,
			String legalBasis) {
		var application = new Application(
				Applicant.person("王建国", "330825199111110025", "13905700001"),
				new Application.Residence("huzhen", "huzhen-xiaku"), Intake.WINDOW,
				"SX-001", "最低生活保障申请", "minzheng", true, null, null, "window-minzheng-1", TAKEN);
		application.assignCaseNo("BJ20261207-000001");
		application.require(new RequiredCertificate.Terms("ZM-0114", "居住证明", 114, 2, disposition, replacement,
				"村（居）委会出具", legalBasis, 5), handling, "计划", TAKEN);
		return application.getCertificates().get(0);
	}

	static RequiredCertificate cancelled() {
		return certificate(Disposition.CANCELLED, null, Handling.NOT_NEEDED, "县政府令第1号");
	}

	static RequiredCertificate shared() {
		return certificate(Disposition.SHARED, null, Handling.VERIFY, null);
	}

	static RequiredCertificate commitment() {
		return certificate(Disposition.REPLACED, Replacement.COMMITMENT, Handling.COMMITMENT, null);
	}

	static RequiredCertificate proxy() {
		return certificate(Disposition.PROXY, null, Handling.PROXY, null);
	}

	static Instant later(int hours) {
		return TAKEN.plus(Duration.ofHours(hours));
	}

	@Test
	void shouldBelongToItsCaseAndWaitUntilSettled() {
		var certificate = shared();

		assertThat(certificate.getApplication().getCaseNo()).isEqualTo("BJ20261207-000001");
		assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.PENDING);
		assertThat(certificate.getCatalogEntryVersion()).isEqualTo(2);
		assertThat(certificate.getOutcome()).isNull();
	}

	@Test
	void shouldSettleACancelledCertificateNamingTheLegalBasis() {
		var certificate = cancelled();

		certificate.markCancelled(later(1));

		assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.SATISFIED);
		assertThat(certificate.getOutcome()).isEqualTo("已取消，无需提供：村（居）委会出具（依据：县政府令第1号）");
		assertThat(certificate.getUpdatedAt()).isEqualTo(later(1));
	}

	@Test
	void shouldSettleACertificateOnlyTheWayItIsHandled() {
		var cancelled = cancelled();
		var shared = shared();
		var commitment = commitment();

		assertThatThrownBy(() -> shared.markCancelled(later(1))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("VERIFY");
		assertThatThrownBy(() -> cancelled.markVerified("户籍库", later(1))).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> shared.recordCommitment(false, later(1))).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> commitment.proxyRunOpened("DP20261207-000001", later(1)))
			.isInstanceOf(IllegalStateException.class);

		assertThat(new RequiredCertificate[] { cancelled, shared, commitment })
			.allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(CertificateStatus.PENDING));
	}

	@Test
	void shouldSettleOnlyOnce() {
		var certificate = shared();
		certificate.markVerified("户籍库核验一致", later(1));

		assertThatThrownBy(() -> certificate.markVerified("再次核验", later(2))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already SATISFIED");

		assertThat(certificate.getOutcome()).isEqualTo("共享核验通过：户籍库核验一致");
	}

	@Test
	void shouldFallBackToAProxyRunWhenSharedDataIsMissing() {
		var certificate = shared();

		certificate.fallBackToProxyRun("共享库无记录", later(1));

		assertThat(certificate.getHandling()).isEqualTo(Handling.PROXY);
		assertThat(certificate.getPlan()).isEqualTo("共享库无记录，转由证跑跑代跑");
		assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.PENDING);
		assertThatThrownBy(() -> certificate.markVerified("迟到的核验", later(2)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void shouldFallBackOnlyFromAPendingCheckOrCommitment() {
		var verified = shared();
		verified.markVerified("户籍库核验一致", later(1));
		var cancelled = cancelled();
		var proxy = proxy();

		for (var certificate : new RequiredCertificate[] { verified, cancelled, proxy }) {
			Handling before = certificate.getHandling();
			assertThatThrownBy(() -> certificate.fallBackToProxyRun("共享库无记录", later(2)))
				.isInstanceOf(IllegalStateException.class);
			assertThat(certificate.getHandling()).isEqualTo(before);
		}
		var commitment = commitment();
		commitment.fallBackToProxyRun("申请人不愿承诺", later(2));
		assertThat(commitment.getHandling()).isEqualTo(Handling.PROXY);
	}

	@Test
	void shouldFollowItsProxyRunToDelivery() {
		var certificate = proxy();

		certificate.proxyRunOpened("DP20261207-000001", later(1));
		assertThat(certificate.getOutcome()).isEqualTo("代跑办件 DP20261207-000001 办理中");
		assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.PENDING);

		certificate.proxyRunEnded(true, "证明已送达", later(5));

		assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.SATISFIED);
		assertThat(certificate.getOutcome()).isEqualTo("代跑办件 DP20261207-000001：证明已送达");
	}

	@Test
	void shouldRecordACertificateTheIssuerRefusedAsNotObtained() {
		var certificate = proxy();
		certificate.proxyRunOpened("DP20261207-000001", later(1));

		certificate.proxyRunEnded(false, "出证部门不予出具", later(5));

		assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.NOT_SATISFIED);
	}

	@Test
	void shouldHaveOneProxyRunAndEndOnlyTheOneItHas() {
		var certificate = proxy();
		assertThatThrownBy(() -> certificate.proxyRunEnded(true, "证明已送达", later(1)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no proxy-run");

		certificate.proxyRunOpened("DP20261207-000001", later(1));

		assertThatThrownBy(() -> certificate.proxyRunOpened("DP20261207-000002", later(2)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(certificate.getProxyRunCaseNo()).isEqualTo("DP20261207-000001");
	}

	@Test
	void shouldPostVerifyASampledCommitmentOnce() {
		var certificate = commitment();
		certificate.recordCommitment(true, later(1));
		assertThat(certificate.getOutcome()).isEqualTo("申请人已签署告知承诺书，已抽中事后核查");

		certificate.postVerify(false, "clerk-minzheng-1", later(48));

		assertThat(certificate.getPostVerification()).isEqualTo(PostVerification.FOUND_FALSE);
		assertThat(certificate.getPostVerifiedBy()).isEqualTo("clerk-minzheng-1");
		assertThatThrownBy(() -> certificate.postVerify(true, "clerk-minzheng-2", later(49)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(certificate.getPostVerification()).isEqualTo(PostVerification.FOUND_FALSE);
	}

	@Test
	void shouldNotPostVerifyACommitmentThatWasNotSampled() {
		var notSampled = commitment();
		notSampled.recordCommitment(false, later(1));
		var shared = shared();

		assertThatThrownBy(() -> notSampled.postVerify(true, "clerk-minzheng-1", later(48)))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> shared.postVerify(true, "clerk-minzheng-1", later(48)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(notSampled.getPostVerification()).isNull();
		assertThat(notSampled.getOutcome()).isEqualTo("申请人已签署告知承诺书");
	}
}
