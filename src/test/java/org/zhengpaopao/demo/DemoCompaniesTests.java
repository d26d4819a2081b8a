package org.zhengpaopao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.applicant.CreditCode;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.CertificateStatus;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.MatterCategory;

/**
 * The demo history's companies apply as a window would take them: valid credit codes, on file with the data-platform
 * simulator, and enterprise matters that reach the window's decision without a runner.
 */
@IntegrationTest
class DemoCompaniesTests {

	@Autowired
	Catalog catalog;

	@Autowired
	Applications applications;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Test
	void shouldTakeEachDemoCompanysEnterpriseCaseToTheDecision() {
		DemoCompanies companies = new DemoCompanies(catalog, new Random(2018));
		for (DemoCompanies.Company company : DemoCompanies.COMPANIES) {
			assertThat(CreditCode.parse(company.creditCode(), "creditCode").value()).isEqualTo(company.creditCode());
			Matter matter = companies.matter();
			assertThat(matter.getCategory()).isEqualTo(MatterCategory.ENTERPRISE);

			Application application = applications
				.take(company.application("13905709901", "longzhou", "longzhou-dongmen", matter.getCode()), null,
						"window-" + matter.getUsingDepartmentCode() + "-1")
				.application();
			for (Job job : managementService.createJobQuery()
				.processInstanceId(application.getProcessInstanceId())
				.list()) {
				managementService.executeJob(job.getId());
			}

			assertThat(applications.find(application.getCaseNo()).orElseThrow().getCertificates())
				.as("%s applying for %s", company.name(), matter.getName())
				.allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(CertificateStatus.SATISFIED));
			assertThat(taskService.createTaskQuery()
				.processInstanceId(application.getProcessInstanceId())
				.taskDefinitionKey("decideApplication")
				.count()).isOne();
		}
	}
}
