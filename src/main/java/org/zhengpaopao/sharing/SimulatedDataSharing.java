package org.zhengpaopao.sharing;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.zhengpaopao.system.SeedFiles;

/**
 * Stands in for the provincial platform in the default run: answers from {@code seeds/shared-data.csv}, keyed by a
 * person's ID number or a company's credit code, where a row with certificate {@code *} means every record of that
 * applicant is on file and valid.
 */
class SimulatedDataSharing implements DataSharing {

	private static final String EVERY_CERTIFICATE = "*";

	private final SeedFiles seeds;
	private volatile Map<String, Verification> records;

	SimulatedDataSharing(SeedFiles seeds) {
		this.seeds = seeds;
	}

	@Override
	public Verification verify(VerificationRequest request) {
		Map<String, Verification> known = records();
		Verification specific = known.get(key(request.applicantId(), request.certificateCode()));
		if (specific != null) {
			return specific;
		}
		return known.getOrDefault(key(request.applicantId(), EVERY_CERTIFICATE),
				new Verification(Result.NOT_FOUND, "模拟平台：无此人记录"));
	}

	private Map<String, Verification> records() {
		if (records == null) {
			Map<String, Verification> loaded = new HashMap<>();
			for (CSVRecord row : seeds.read("shared-data.csv")) {
				loaded.put(key(row.get("applicantId"), row.get("certificateCode")),
						new Verification(Result.valueOf(row.get("result")), "模拟平台：" + row.get("detail")));
			}
			records = loaded;
		}
		return records;
	}

	private static String key(String applicantId, String certificateCode) {
		return applicantId + "/" + certificateCode;
	}
}
