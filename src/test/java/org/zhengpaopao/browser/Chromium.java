package org.zhengpaopao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The system's headless Chromium (Debian's {@code chromium} package), driven by Playwright. Playwright's own browser
 * download does not work here, so it is never attempted. Without a Chromium the browser tests are skipped, with the
 * command that installs one; CI sets {@code ZPP_REQUIRE_BROWSER=1}, where a missing Chromium fails instead.
 */
class Chromium implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	static final String INSTALL_HINT = "no Chromium at %s: install it with `sudo apt-get install -y chromium "
			+ "fonts-noto-cjk` (Debian/Ubuntu) or point ZPP_CHROMIUM at a Chromium or Chrome binary";

	/** What the county's runners see: a Chinese browser in Beijing time. */
	static final String LOCALE = "zh-CN";
	static final String TIME_ZONE = "Asia/Shanghai";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Playwright playwright;
	private Browser browser;

	/** What the engine's allow-list refused to a webapp in this test: something Tasklist or Cockpit needs is missing. */
	private final List<String> refusedEngineRequests = new CopyOnWriteArrayList<>();

	private final Path executable = Path.of(System.getenv().getOrDefault("ZPP_CHROMIUM", "/usr/bin/chromium"));

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(executable) || System.getenv("ZPP_REQUIRE_BROWSER") != null) {
			return ConditionEvaluationResult.enabled("Chromium at " + executable);
		}
		// surefire keeps a skip's reason in its XML report only: say it where a developer looks
		System.err.println("[browser tests skipped] " + INSTALL_HINT.formatted(executable));
		return ConditionEvaluationResult.disabled(INSTALL_HINT.formatted(executable));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!Files.isExecutable(executable)) {
			throw new IllegalStateException(INSTALL_HINT.formatted(executable));
		}
		// a loaded two-core CI machine can take longer than Playwright's 5 s for a page to settle
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		// the machine's network is closed: without these, Chromium keeps trying to reach Google's services
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> refused = List.copyOf(refusedEngineRequests);
		refusedEngineRequests.clear();
		assertThat(refused).as("requests of the webapps that the engine's allow-list refused (docs/security.md)")
			.isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (playwright != null) {
			playwright.close();
		}
	}

	/** A fresh browser profile (no cookies) of the given screen size. */
	BrowserContext newContext(int width, int height) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(LOCALE)
			.setTimezoneId(TIME_ZONE)
			.setViewportSize(width, height));
		context.onResponse(response -> {
			if (response.status() != 403 || !response.url().contains("/camunda/api/engine/")) {
				return;
			}
			// headers() as received, with no round trip to a browser that may be closing
			String type = response.headers().get("content-type");
			if (type != null && type.startsWith("application/problem+json")) {
				refusedEngineRequests.add(response.request().method() + " " + response.url());
			}
		});
		return context;
	}

	BrowserContext newDesktopContext() {
		return newContext(1366, 900);
	}

	/** A desktop browser that answers HTTP Basic challenges with this staff account. */
	BrowserContext newDesktopContext(String user, String password) {
		return browser.newContext(new Browser.NewContextOptions().setLocale(LOCALE)
			.setTimezoneId(TIME_ZONE)
			.setViewportSize(1366, 900)
			.setHttpCredentials(user, password));
	}

	/** A phone, as runners out of the office use (iPhone 12–14 size). */
	BrowserContext newPhoneContext() {
		return newContext(390, 844);
	}

	/**
	 * Fills in the webapps' login form (the page is on it) and sends it. The form is ready once Angular has rendered
	 * it in Chinese; even then its autofocus can take the focus back while a field is being filled, so that the
	 * password lands in the user name (seen on a loaded machine): the fields are filled until both hold their value.
	 */
	static void logIntoWebapp(Page page, String user, String password) {
		PlaywrightAssertions.assertThat(page.locator("button[type=submit]")).hasText("登录");
		var username = page.locator("input[type=text]");
		var secret = page.locator("input[type=password]");
		for (int attempt = 0; attempt < 5
				&& !(username.inputValue().equals(user) && secret.inputValue().equals(password)); attempt++) {
			username.fill(user);
			secret.fill(password);
		}
		assertThat(username.inputValue()).isEqualTo(user);
		assertThat(secret.inputValue()).isEqualTo(password);
		page.locator("button[type=submit]").click();
	}

	/** Saves the whole page under target/screenshots/{folder}/{step}.png, the artifacts of the run. */
	static void screenshot(Page page, String folder, String step) {
		Path file = SCREENSHOTS.resolve(folder).resolve(step + ".png");
		try {
			Files.createDirectories(file.getParent());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		assertThat(file).isNotEmptyFile();
	}
}
