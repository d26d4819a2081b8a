package org.zhengpaopao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.StaffMessage;

class OverdueNoticeTests {

	static final String TASK = "http://zpp/camunda/app/tasklist/default/#/?task=t1";
	static final String CASE = "http://zpp/camunda/app/cockpit/default/#/process-instance/p1";

	private final List<GroupMessage> sent = new ArrayList<>();
	private final List<StaffMessage> notices = new ArrayList<>();

	@Test
	void yellowReachesOnlyTheGroupThatHearsFirst() {
		notice(OverdueLevel.YELLOW, "zhangsan").send(notifier(), "runners-huzhen");

		assertThat(sent).extracting(GroupMessage::groupId).containsExactly("runners-huzhen");
		assertThat(sent.get(0).title()).isEqualTo("黄牌预警 ZPP-1");
		assertThat(sent.get(0).text()).isEqualTo(
				"代跑办件 ZPP-1（runners-huzhen）黄牌预警（期限 2026-09-30 18:00），即将到期，请抓紧办理（当前办理人 @zhangsan）。");
	}

	@Test
	void redBringsInTheTaskForce() {
		notice(OverdueLevel.RED, null).send(notifier(), "runners-huzhen");

		assertThat(sent).extracting(GroupMessage::groupId).containsExactly("runners-huzhen", "task-force");
		assertThat(sent).extracting(GroupMessage::title).containsOnly("红牌超期 ZPP-1");
	}

	@Test
	void theSecondAndThirdLevelsBringInTheManagers() {
		notice(OverdueLevel.LEVEL2, null).send(notifier(), "runners-huzhen");
		notice(OverdueLevel.LEVEL3, null).send(notifier(), "runners-huzhen");

		assertThat(sent).extracting(GroupMessage::groupId).containsExactly("runners-huzhen", "task-force", "managers",
				"runners-huzhen", "task-force", "managers");
		assertThat(sent.get(0).text()).contains("二级督办", "纳入考核").doesNotContain("@");
	}

	@Test
	void aGroupThatIsAlsoAWatcherHearsOnce() {
		new OverdueNotice(OverdueLevel.LEVEL2, "索要证明举报 JB1", "JB1", "核实举报", "县公安局", null, null)
			.send(notifier(), "managers");

		assertThat(sent).extracting(GroupMessage::groupId).containsExactly("managers", "task-force");
		assertThat(sent.get(0).text()).isEqualTo("索要证明举报 JB1（县公安局）的「核实举报」二级督办，超期两个工作日仍未办结，已升级督办，纳入考核。");
	}

	@Test
	void theHolderHearsOfYellowAndRedInPersonWithTheTasksLink() {
		linked(OverdueLevel.YELLOW, "zhangsan").send(notifier(), "runners-huzhen");
		linked(OverdueLevel.RED, "zhangsan").send(notifier(), "runners-huzhen");
		linked(OverdueLevel.LEVEL2, "zhangsan").send(notifier(), "runners-huzhen");

		assertThat(notices).extracting(StaffMessage::title).containsExactly("黄牌预警 ZPP-1", "红牌超期 ZPP-1");
		assertThat(notices).allSatisfy(notice -> {
			assertThat(notice.userId()).isEqualTo("zhangsan");
			assertThat(notice.link()).isEqualTo(TASK);
			assertThat(notice.fallbackGroup()).as("the group has read it already").isNull();
		});
	}

	@Test
	void theWorkingGroupOpensTheTaskTheWatchersTheCase() {
		linked(OverdueLevel.LEVEL2, null).send(notifier(), "runners-huzhen");

		assertThat(sent).extracting(GroupMessage::groupId, GroupMessage::link)
			.containsExactly(tuple("runners-huzhen", TASK),
					tuple("task-force", CASE),
					tuple("managers", CASE));
	}

	@Test
	void aStepWithoutATaskLinkOpensTheCaseForEverybody() {
		new OverdueNotice(OverdueLevel.RED, "索要证明举报 JB1", "JB1", "核实举报", "县公安局", null, null, null, CASE)
			.send(notifier(), "managers");

		assertThat(sent).extracting(GroupMessage::groupId, GroupMessage::link)
			.containsExactly(tuple("managers", CASE), tuple("task-force", CASE));
	}

	private OverdueNotice linked(OverdueLevel level, String holder) {
		return new OverdueNotice(level, "代跑办件 ZPP-1", "ZPP-1", null, "runners-huzhen", LocalDate.of(2026, 9, 30),
				holder, TASK, CASE);
	}

	private OverdueNotice notice(OverdueLevel level, String holder) {
		return new OverdueNotice(level, "代跑办件 ZPP-1", "ZPP-1", null, "runners-huzhen", LocalDate.of(2026, 9, 30),
				holder);
	}

	private Notifier notifier() {
		return new Notifier() {
			@Override
			public void send(GroupMessage message) {
				sent.add(message);
			}

			@Override
			public void send(StaffMessage message) {
				notices.add(message);
			}

			@Override
			public void send(SmsMessage message) {
				throw new AssertionError("an overdue notice is for staff groups only");
			}

			@Override
			public void send(org.zhengpaopao.notification.CallbackMessage message) {
				throw new AssertionError("an overdue notice is for staff groups only");
			}
		};
	}
}
