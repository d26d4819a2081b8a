package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

/**
 * A window clerk at 县民政局 takes cases in Chromium on the office PC: logs in with the Tasklist account, finds the
 * matter by its pinyin initials, records the applicant (the ID number checked as it is typed), prints what the
 * applicant signs and the receipt, whose QR code opens the tracking page. Screenshots in target/screenshots/window/.
 */
@IntegrationTest
class WindowBrowserTests {

	static final String SCREENSHOTS = "window";
	static final String ID_NUMBER = "330825198503121239";
	static final String PHONE = "13905701234";
	static final String CREDIT_CODE = "91330825MA2DB1234W";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private static final AtomicInteger NAMES = new AtomicInteger();

	@Test
	void shouldTakeAnApplicationWithEveryDispositionPrintTheCommitmentAndTheReceipt() throws Exception {
		String name = "窗口申请人" + "甲乙丙丁".charAt(NAMES.getAndIncrement() % 4);
		try (BrowserContext office = chromium.newContext(1366, 768)) {
			Page page = office.newPage();
			List<String> violations = ContentSecurityPolicyBrowserTests.violationsOn(page);
			logIn(page, "window-minzheng-1");
			assertThat(page.locator("#who")).containsText("民政局窗口");

			page.getByLabel("事项（输入名称或拼音首字母，如 zdsh）").fill("zdsh");
			assertThat(page.locator("#subjectOptions [role=option]").first()).containsText("最低生活保障申请");
			page.keyboard().press("Enter");
			Locator plan = page.locator("#plan");
			assertThat(plan).containsText("最低生活保障申请");
			for (String outcome : List.of("已取消，无需提供", "共享核验", "证照替代", "告知承诺", "证跑跑代跑")) {
				assertThat(plan).containsText(outcome);
			}
			assertThat(page.locator("input[name=commitment]")).isFocused();
			page.locator("input[name=commitment]").check();

			page.getByLabel("姓名").fill(name);
			page.getByLabel("身份证号（可用读卡器）").fill(ID_NUMBER.substring(0, 17) + "0");
			assertThat(page.locator(".field-error[data-for=idNumber]")).hasText("身份证号校验位不正确，请核对");
			page.getByLabel("身份证号（可用读卡器）").fill(ID_NUMBER);
			assertThat(page.locator(".field-error[data-for=idNumber]")).hasText("");
			page.getByLabel("手机号码").fill("1390570123");
			page.getByLabel("乡镇（街道）").selectOption("huzhen");
			page.getByLabel("村（社区）").selectOption("huzhen-xiaku");
			Chromium.screenshot(page, SCREENSHOTS, "01-application-form");

			// the server refuses the short phone number next to its field, and nothing is created
			button(page, "受理").click();
			assertThat(page.locator(".field-error[data-for=phone]")).containsText("手机号码");
			assertThat(page.locator("#phone")).isFocused();
			assertThat(casesOf(name)).isZero();

			page.getByLabel("手机号码").fill(PHONE);
			// a double click sends the form twice: one case
			button(page, "受理").dblclick();
			assertThat(page.locator("#result")).isVisible();
			String caseNo = page.locator("#resultCaseNo").textContent();
			assertThat(caseNo).startsWith("BJ");
			assertThat(casesOf(name)).isEqualTo(1);
			assertThat(page.locator("#todayCases")).containsText(caseNo);

			button(page, "打印授权委托书").click();
			page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
			assertThat(page.locator("#printArea")).isVisible();
			assertThat(page.locator("#printArea")).containsText("授权委托书");
			assertThat(page.locator("#printArea")).containsText(name + "（身份证号 " + ID_NUMBER + "）");
			assertThat(page.locator("#printArea")).containsText(caseNo);
			assertThat(page.locator("#intake")).isHidden();
			page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
			button(page, "打印告知承诺书").click();
			page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
			assertThat(page.locator("#printArea")).containsText("告知承诺书");
			assertThat(page.locator("#printArea")).containsText("本人承诺所申报的家庭收入、存款、房产、车辆等财产状况真实完整");
			Chromium.screenshot(page, SCREENSHOTS, "02-commitment-printed");
			page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

			Page receipt = office.waitForPage(() -> page.getByText("打印受理回执").click());
			List<String> receiptViolations = ContentSecurityPolicyBrowserTests.violationsOn(receipt);
			assertThat(receipt.locator("#caseNo")).hasText(caseNo);
			assertThat(receipt.locator("#title")).hasText("办件受理回执");
			assertThat(receipt.locator("#state")).hasText("当前状态：证明办理中");
			assertThat(receipt.locator("#applicant")).containsText(name);
			assertThat(receipt.locator("#applicant")).containsText("330***********1239");
			assertThat(receipt.locator("#applicant")).not().containsText(ID_NUMBER);
			assertThat(receipt.locator("#window")).hasText("县民政局");
			assertThat(receipt.locator("#expected")).containsText("前");
			assertThat(receipt.locator("#certificates tr")).hasCount(6);
			assertThat(receipt.locator("#certificates")).containsText("告知承诺");
			receipt.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
			assertThat(receipt.locator("#print")).isHidden();
			Chromium.screenshot(receipt, SCREENSHOTS, "03-receipt-printed");
			receipt.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

			// what a phone camera reads from the printed code is the tracking page for this case
			String link = decodeQr(receipt.locator("#qr").screenshot());
			assertThat(link).isEqualTo("http://localhost:8080/public/track?caseNo=" + caseNo);
			Page track = office.newPage();
			track.navigate(link.replace("http://localhost:8080", "http://localhost:" + port));
			assertThat(track.getByLabel("办件编号")).hasValue(caseNo);
			track.getByLabel("手机号码").fill(PHONE);
			track.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(track.locator("#state")).containsText(caseNo + "：");
			assertThat(track.locator("#steps")).containsText("告知承诺");
			assertThat(track.locator("body")).not().containsText(name);
			assertThat(violations).isEmpty();
			assertThat(receiptViolations).isEmpty();
		}
	}

	@Test
	void shouldTakeAProxyRunWithTheKeyboardAlone() {
		String name = "键盘申请人" + "甲乙丙丁".charAt(NAMES.getAndIncrement() % 4);
		try (BrowserContext office = chromium.newContext(1920, 1080)) {
			Page page = office.newPage();
			logIn(page, "window-minzheng-1");
			var keyboard = page.keyboard();
			assertThat(page.locator("#deskView")).isVisible();
			assertThat(page.locator("#subjectSearch")).isFocused();
			keyboard.press("Shift+Tab");
			keyboard.press("ArrowDown"); // 单独代跑一份证明
			assertThat(page.locator("input[name=caseKind][value=PROXY_RUN]")).isChecked();
			keyboard.press("Tab");
			keyboard.type("困难家庭");
			assertThat(page.locator("#subjectOptions [role=option]").first()).containsText("困难家庭证明");
			keyboard.press("Enter");
			assertThat(page.locator("#plan")).containsText("个工作日");
			assertThat(page.locator("input[name=applicantType][value=PERSON]")).isFocused();
			keyboard.press("Tab");
			keyboard.type(name);
			keyboard.press("Tab");
			// a card reader types the number and presses Enter: the form goes on to the phone, it is not sent
			keyboard.type(ID_NUMBER);
			keyboard.press("Enter");
			assertThat(page.locator("#phone")).isFocused();
			keyboard.type(PHONE);
			keyboard.press("Tab");
			keyboard.press("ArrowDown");
			assertThat(page.locator("#townshipCode")).not().hasValue("");
			keyboard.press("Tab");
			keyboard.press("ArrowDown");
			assertThat(page.locator("#villageCode")).not().hasValue("");
			keyboard.press("Tab"); // 代跑授权: signed at the window
			keyboard.press("Tab");
			assertThat(page.locator("#submit")).isFocused();
			keyboard.press("Enter");

			assertThat(page.locator("#result")).isVisible();
			String caseNo = page.locator("#resultCaseNo").textContent();
			assertThat(caseNo).startsWith("DP");
			assertThat(page.locator("#receiptLink")).isFocused();
			assertThat(page.locator("#printAuthorization")).isVisible();
			assertThat(page.locator("#todayCases")).containsText(caseNo);
			assertThat((Boolean) page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")).isTrue();
			Chromium.screenshot(page, SCREENSHOTS, "04-keyboard-proxy-run-1920");
		}
	}

	@Test
	void shouldOpenAProxyRunForACompanyAndPrintItsReceipt() throws Exception {
		String company = "龙游县证跑跑测试" + "甲乙丙丁".charAt(NAMES.getAndIncrement() % 4) + "有限公司";
		try (BrowserContext office = chromium.newContext(1366, 768)) {
			Page page = office.newPage();
			logIn(page, "window-shichang-1");
			page.getByText("单独代跑一份证明").click();
			page.getByLabel("代跑证明（输入名称或拼音首字母）").fill("nszm");
			assertThat(page.locator("#subjectOptions [role=option]").first()).containsText("纳税证明");
			page.locator("#subjectOptions [role=option]").first().click();
			assertThat(page.locator("#plan")).containsText("国家税务总局龙游县税务局");

			page.getByText("企业（法人）").click();
			page.getByLabel("企业名称").fill(company);
			page.getByLabel("统一社会信用代码").fill("91330825MA2DB12340");
			assertThat(page.locator(".field-error[data-for=creditCode]")).hasText("统一社会信用代码校验位不正确，请核对");
			page.getByLabel("统一社会信用代码").fill(CREDIT_CODE);
			assertThat(page.locator("#creditCode")).hasClass(java.util.regex.Pattern.compile("valid"));
			page.getByLabel("联系人", new Page.GetByLabelOptions().setExact(true)).fill("钱经理");
			page.getByLabel("联系人手机号码").fill("13905708866");
			page.getByLabel("注册地乡镇（街道）").selectOption("longzhou");
			page.getByLabel("村（社区）").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
			page.getByText("短信验证码，申请人在线确认").click();
			button(page, "受理").click();

			assertThat(page.locator("#result")).isVisible();
			String caseNo = page.locator("#resultCaseNo").textContent();
			assertThat(caseNo).startsWith("DP");
			assertThat(page.locator("#resultNote")).containsText("验证码已通过短信发给申请人");
			assertThat(page.locator("#printAuthorization")).isHidden();
			Chromium.screenshot(page, SCREENSHOTS, "05-company-proxy-run");

			Page receipt = office.waitForPage(() -> page.getByText("打印受理回执").click());
			assertThat(receipt.locator("#title")).hasText("代跑受理回执");
			assertThat(receipt.locator("#applicant")).containsText(company);
			assertThat(receipt.locator("#applicant")).containsText("统一社会信用代码 " + CREDIT_CODE);
			assertThat(receipt.locator("#applicant")).not().containsText("13905708866");
			assertThat(receipt.locator("#expected")).containsText("确认授权");
			assertThat(decodeQr(receipt.locator("#qr").screenshot()))
				.isEqualTo("http://localhost:8080/public/track?caseNo=" + caseNo);
			Chromium.screenshot(receipt, SCREENSHOTS, "06-company-receipt");
		}
	}

	@Test
	void shouldSendSomebodyWhoIsNotAtAWindowBackToTheLogin() {
		try (BrowserContext office = chromium.newContext(1366, 768)) {
			Page page = office.newPage();
			logIn(page, "runner-huzhen-1");
			assertThat(page.locator("#loginError")).containsText("不是窗口工作人员");
			assertThat(page.locator("#deskView")).isHidden();
		}
	}

	private void logIn(Page page, String user) {
		page.navigate("http://localhost:" + port + "/window/");
		assertThat(page.locator("#loginView")).isVisible();
		page.getByLabel("用户名").fill(user);
		page.getByLabel("密码").fill("demo");
		page.getByLabel("密码").press("Enter");
		if (user.startsWith("window-")) {
			// the page names the clerk once the desk is loaded and the form reset: typing before that would be undone
			assertThat(page.locator("#who")).containsText(user);
		}
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private int casesOf(String applicantName) {
		return jdbc.queryForObject("select count(*) from zpp_application where applicant_name = ?", Integer.class,
				applicantName);
	}

	private static String decodeQr(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(
						new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
				.getText();
		}
		catch (com.google.zxing.ReaderException e) {
			throw new AssertionError("the receipt's QR code does not read", e);
		}
	}
}
