package org.zhengpaopao.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.zhengpaopao.sharing.DataSharing.Result;
import org.zhengpaopao.sharing.DataSharing.VerificationRequest;
import org.zhengpaopao.system.SeedFiles;

/** The simulator answers from seeds/shared-data.csv, as the demo applicants of docs/certificate-free-application.md rely on. */
class SimulatedDataSharingTests {

	SimulatedDataSharing simulator = new SimulatedDataSharing(
			new SeedFiles(new DefaultResourceLoader(), "file:seeds/"));

	@Test
	void shouldVerifyEveryCertificateOfAPersonOnFile() {
		assertThat(simulator.verify(new VerificationRequest("330825198001011232", "ZM-0002", "户籍人口库")).result())
			.isEqualTo(Result.VERIFIED);
	}

	@Test
	void shouldReportInvalidRecordsAndUnknownPeople() {
		assertThat(simulator.verify(new VerificationRequest("330825199211203456", "ZM-0017", "营业执照")).result())
			.isEqualTo(Result.INVALID);
		assertThat(simulator.verify(new VerificationRequest("330825198503152342", "ZM-0002", "户籍人口库")).result())
			.isEqualTo(Result.NOT_FOUND);
	}

	@Test
	void shouldKnowACompanyByItsCreditCode() {
		assertThat(simulator.verify(new VerificationRequest(null, "91330825MA2DB1234W", "ZM-0030", "法人库")).result())
			.isEqualTo(Result.VERIFIED);
		assertThat(simulator.verify(new VerificationRequest(null, "91330825307654321B", "ZM-0030", "法人库")).result())
			.isEqualTo(Result.NOT_FOUND);
	}
}
