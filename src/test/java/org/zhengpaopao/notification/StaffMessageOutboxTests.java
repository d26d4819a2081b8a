package org.zhengpaopao.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengpaopao.IntegrationTest;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Where a message to a person goes: a work notice when the app is configured and the person mapped
 * (application-test.yaml maps only {@code runner-huzhen-1}), otherwise the fallback group's robot, naming them, or
 * nowhere when the sender says the group has heard already.
 */
@IntegrationTest
class StaffMessageOutboxTests {

	static final String GROUP = "runners-test";
	static WireMockServer robot;

	@Autowired
	Notifier notifier;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeAll
	static void startRobot(@Value("${test.dingtalk-robot-port}") int port) {
		robot = new WireMockServer(wireMockConfig().port(port));
		robot.start();
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
	}

	@AfterAll
	static void stopRobot() {
		robot.stop();
	}

	Notification stored(String reference) {
		return notifications.findAll()
			.stream()
			.filter(n -> reference.equals(n.getReference()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no notification stored for " + reference));
	}

	@Test
	void shouldStoreAWorkNoticeForAMappedPersonAndTheGroupsPostForAnybodyElse() {
		String mapped = "T-" + UUID.randomUUID().toString().substring(0, 8);
		String unmapped = "T-" + UUID.randomUUID().toString().substring(0, 8);
		String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1";
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			notifier.send(new StaffMessage("runner-huzhen-1", "转办 " + mapped, "已转办给您", link, mapped, GROUP));
			notifier.send(new StaffMessage("runner-xikou-1", "转办 " + unmapped, "已转办给您", link, unmapped, GROUP));
			notifier.send(new StaffMessage("runner-xikou-1", "黄牌预警", "…", link, "nobody-" + unmapped, null));
		});

		Notification notice = stored(mapped);
		assertThat(notice.getChannel()).isEqualTo(NotificationChannel.STAFF);
		assertThat(notice.getRecipient()).isEqualTo("runner-huzhen-1");
		assertThat(notice.getLink()).isEqualTo(link);
		Notification post = stored(unmapped);
		assertThat(post.getChannel()).as("no DingTalk user id: the group as before").isEqualTo(NotificationChannel.GROUP);
		assertThat(post.getRecipient()).isEqualTo(GROUP);
		assertThat(post.getTitle()).isEqualTo("转办 " + unmapped + " @runner-xikou-1");
		assertThat(post.getLink()).isEqualTo(link);
		assertThat(notifications.findAll()).noneMatch(n -> ("nobody-" + unmapped).equals(n.getReference()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))
				.stream()
				.anyMatch(request -> request.getBodyAsString().contains(unmapped)));
		assertThat(robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))
			.stream()
			.filter(request -> request.getBodyAsString().contains(unmapped))
			.findFirst()
			.orElseThrow()
			.getBodyAsString()).as("the robot post ends with the link").contains("(" + link + ")");
	}
}
