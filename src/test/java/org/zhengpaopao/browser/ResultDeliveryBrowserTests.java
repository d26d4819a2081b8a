package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.application.ResultDelivery;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The window decides a case submitted on the provincial platform in Tasklist: the form says where it came from and
 * offers 网上送达; 邮寄送达 without a tracking number is refused with the process's Chinese message, the task stays
 * open, and with the number it is done. Screenshots land in target/screenshots/result-delivery/.
 */
@IntegrationTest
class ResultDeliveryBrowserTests {

	static final String SCREENSHOTS = "result-delivery";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	Catalog catalog;

	@Autowired
	TaskService taskService;

	@Test
	void windowSeesTheOnlineIntakeAndMustGiveTheTrackingNumberOfAPostedResult() {
		Matter matter = catalog.matters()
			.stream()
			.filter(m -> !catalog.entriesInForce(m.getCode()).isEmpty() && catalog.entriesInForce(m.getCode())
				.stream()
				.allMatch(e -> e.getDisposition() == Disposition.CANCELLED))
			.findFirst()
			.orElseThrow();
		String window = "window-" + matter.getUsingDepartmentCode() + "-1";
		Application application = applications.take(new NewApplication("钱七", "330825198505050032", "13905703333",
				"huzhen", "huzhen-xiaku", matter.getCode(), List.of(), List.of(), true),
				Intake.platform("ZJ-BROWSER-0001"), null, window).application();
		Task decision = taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getCaseNo())
			.taskDefinitionKey("decideApplication")
			.singleResult();

		try (BrowserContext desk = chromium.newDesktopContext()) {
			Page tasklist = desk.newPage();
			tasklist.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + decision.getId());
			Chromium.logIntoWebapp(tasklist, window, "demo");
			assertThat(tasklist.getByLabel("受理渠道")).hasValue("网上申请（省政务服务平台）");
			assertThat(tasklist.getByLabel("网上送达")).isChecked();
			assertThat(tasklist.getByLabel("邮件号")).hasCount(0);
			Chromium.screenshot(tasklist, SCREENSHOTS, "00-online-case-offers-online-delivery");

			tasklist.locator("button.claim").click();
			tasklist.getByLabel("准予办理").check();
			tasklist.getByLabel("邮寄送达").check();
			assertThat(tasklist.getByLabel("邮件号")).isVisible();
			tasklist.locator(".form-actions button.btn-primary", new Page.LocatorOptions().setHasText("完成")).click();
			assertThat(tasklist.getByText(Pattern.compile("邮寄送达请填写邮件号")).first()).isVisible();
			Chromium.screenshot(tasklist, SCREENSHOTS, "01-post-without-number-refused");
			assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).as("still open").isOne();

			// the clerk closes the message, which covers the form's buttons, and types the number
			tasklist.locator(".page-notifications .close:visible").first().click();
			tasklist.getByLabel("邮件号").fill("1190012345678");
			tasklist.locator(".form-actions button.btn-primary", new Page.LocatorOptions().setHasText("完成")).click();
			assertThat(tasklist.getByText("请在列表中选择一个任务。")).isVisible();
		}
		Application decided = applications.find(application.getCaseNo()).orElseThrow();
		assertThat(decided.getResultDelivery()).isEqualTo(ResultDelivery.POST);
		assertThat(decided.getPostalTrackingNumber()).isEqualTo("1190012345678");
	}
}
