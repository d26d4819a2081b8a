package org.zhengpaopao.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.zhengpaopao.IntegrationTest;

/**
 * Cockpit finds the plugin 「超期代跑」 and serves its code. Camunda 7.24 lists an app's plugins in the app's
 * page ({@code window.PLUGIN_PACKAGES}) and serves only {@code app/plugin.js} and {@code app/plugin.css} of each
 * under {@code /camunda/api/cockpit/plugin/<id>/static/}.
 */
@IntegrationTest
class OverdueRunsCockpitPluginTests {

	static final String ASSETS = "/camunda/api/cockpit/plugin/overdue-runs/static/app/";

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldListThePluginForCockpitOnly() {
		var cockpit = http.getForEntity("/camunda/app/cockpit/default/", String.class);
		assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cockpit.getBody()).contains("name: 'cockpit-plugin-overdue-runs'",
				"location: '/camunda/api/cockpit/plugin/overdue-runs/static/app'", "main: 'plugin.js'");

		var tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
		assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tasklist.getBody()).doesNotContain("overdue-runs");
	}

	@Test
	void shouldServeThePluginCodeWithBothPluginPoints() {
		var script = http.getForEntity(ASSETS + "plugin.js", String.class);
		assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(script.getHeaders().getContentType().toString()).startsWith("text/javascript");
		assertThat(script.getBody()).contains("export default [", "pluginPoint: 'cockpit.dashboard'",
				"pluginPoint: 'cockpit.processInstance.runtime.tab'", "label: '代跑详情'", "'超期代跑'",
				"/supervision/overdue?", "/supervision/process-instances/", "credentials: 'same-origin'");
		assertThat(script.getBody()).as("data goes in as text only").doesNotContain("innerHTML");
	}

	@Test
	void shouldServeThePluginStyles() {
		var styles = http.getForEntity(ASSETS + "plugin.css", String.class);
		assertThat(styles.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(styles.getHeaders().getContentType().toString()).startsWith("text/css");
		assertThat(styles.getBody()).contains(".zpp-card-yellow", ".zpp-card-red");
	}
}
