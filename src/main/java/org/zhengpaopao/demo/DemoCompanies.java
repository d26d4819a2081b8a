package org.zhengpaopao.demo;

import java.util.List;
import java.util.Random;

import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.MatterCategory;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.proxyrun.NewProxyRun;

/**
 * The demo's companies (企业): the county's reform is for 群众和企业, so a share of the history's cases are enterprise
 * matters applied for by a company, and a share of its runs fetch a county department's certificate for one. Every
 * company is on file with the data-platform simulator (seeds/shared-data.csv), so that its shared checks pass.
 */
final class DemoCompanies {

	record Company(String name, String creditCode, String contactName) {

		NewProxyRun proxyRun(String phone, String township, String village, String certificate,
				String usingDepartment) {
			return new NewProxyRun(ApplicantType.COMPANY, name, null, creditCode, contactName, phone, township, village,
					certificate, usingDepartment, true);
		}

		NewApplication application(String phone, String township, String village, String matter) {
			return new NewApplication(ApplicantType.COMPANY, name, null, creditCode, contactName, phone, township,
					village, matter, List.of(), List.of(), true);
		}
	}

	static final List<Company> COMPANIES = List.of(
			new Company("龙游县龙洲竹制品有限公司", "91330825MA29K7Q3LA", "王丽"),
			new Company("龙游县湖镇石材有限公司", "91330825MA2A1UX58B", "陈志强"),
			new Company("龙游县塔石茶叶专业合作社", "93330825MA28P0QK63", "余春梅"),
			new Company("龙游县东华建筑工程有限公司", "91330825MA2DGH7J1R", "刘海燕"));

	private final Random random;
	/** enterprise matters a window settles without a signature or a runner: cancelled, shared and licence only */
	private final List<Matter> matters;

	DemoCompanies(Catalog catalog, Random random) {
		this.random = random;
		this.matters = catalog.matters()
			.stream()
			.filter(matter -> matter.getCategory() == MatterCategory.ENTERPRISE)
			.filter(matter -> {
				List<CatalogEntry> entries = catalog.entriesInForce(matter.getCode());
				return !entries.isEmpty() && entries.stream().allMatch(DemoCompanies::settledAtIntake);
			})
			.toList();
	}

	private static boolean settledAtIntake(CatalogEntry entry) {
		return entry.getDisposition() == Disposition.CANCELLED || entry.getDisposition() == Disposition.SHARED
				|| entry.getReplacement() == Replacement.LICENCE;
	}

	Company any() {
		return COMPANIES.get(random.nextInt(COMPANIES.size()));
	}

	/** An enterprise matter the demo's cases can take, or none if the catalog has no such matter. */
	Matter matter() {
		return matters.isEmpty() ? null : matters.get(random.nextInt(matters.size()));
	}
}
