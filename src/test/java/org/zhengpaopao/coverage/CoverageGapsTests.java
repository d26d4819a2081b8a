package org.zhengpaopao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.organization.Organization;

/** The coverage watch: a gap that lasts a working day reaches 跑改办, once; a gap filled in time reaches nobody. */
@IntegrationTest
class CoverageGapsTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String HUZHEN = Groups.townshipRunners("huzhen");

	@Autowired
	CoverageGaps gaps;

	@Autowired
	IdentityService identityService;

	@Autowired
	OutboxContents outbox;

	@Autowired
	Organization organization;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ObjectMapper json;

	final Map<String, List<String>> removed = new HashMap<>();

	@BeforeEach
	void noGapIsOpen() {
		at(2026, 11, 27, 9, 0);
		gaps.sweep();
		assertThat(gaps.open()).isEmpty();
	}

	/** 星火村 and 舍后村 have an agent of their own (seeds/village-agents.csv): the empty township group leaves the rest */
	int huzhenVillagesWithoutAgent() {
		return organization.villagesOf("huzhen").size() - 2;
	}

	@AfterEach
	void restore() {
		refill();
		gaps.sweep();
		ClockUtil.reset();
	}

	@Test
	void aGapStillOpenAtTheEndOfTheNextWorkingDayNotifiesManagersOnce() throws Exception {
		int before = messagesAbout(HUZHEN).size();
		at(2026, 12, 4, 10, 0); // a Friday: the next working day is Monday
		emptyGroup(HUZHEN);
		gaps.sweep();

		JsonNode answer = json.readTree(http.withBasicAuth("manager-1", "demo").getForObject("/api/coverage", String.class));
		JsonNode open = answer.get("openGaps");
		assertThat(open).hasSize(1);
		assertThat(open.get(0).get("group").asText()).isEqualTo(HUZHEN);
		assertThat(open.get(0).get("name").asText()).isEqualTo("湖镇镇联动群");
		assertThat(open.get(0).get("villages").asInt()).isEqualTo(huzhenVillagesWithoutAgent());
		assertThat(open.get(0).get("since").asText()).isEqualTo("2026-12-04T10:00:00+08:00");
		assertThat(open.get(0).get("notifyAt").asText()).isEqualTo("2026-12-07T18:00:00+08:00");
		assertThat(open.get(0).get("notifiedAt").isNull()).isTrue();

		at(2026, 12, 7, 17, 59);
		gaps.sweep();
		assertThat(messagesAbout(HUZHEN)).hasSize(before);

		at(2026, 12, 7, 18, 0);
		gaps.sweep();
		at(2026, 12, 8, 9, 0);
		gaps.sweep();

		List<GroupMessage> messages = messagesAbout(HUZHEN);
		assertThat(messages).hasSize(before + 1);
		GroupMessage message = messages.get(messages.size() - 1);
		assertThat(message.groupId()).isEqualTo(Groups.MANAGERS);
		assertThat(message.text()).contains("湖镇镇联动群", "12月4日 10:00", "没有在岗代跑员",
				huzhenVillagesWithoutAgent() + " 个村（社区）无人代跑");

		refill();
		gaps.sweep();
		assertThat(gaps.open()).isEmpty();
	}

	@Test
	void aGapFilledWithinTheWorkingDayNotifiesNobody() {
		int before = messagesAbout(Groups.COUNTY_RUNNERS).size();
		at(2026, 12, 1, 9, 0);
		emptyGroup(Groups.COUNTY_RUNNERS);
		gaps.sweep();
		assertThat(gaps.open()).extracting(CoverageGap::getGroupId).containsExactly(Groups.COUNTY_RUNNERS);

		at(2026, 12, 2, 17, 0);
		refill();
		gaps.sweep();
		at(2026, 12, 3, 18, 0);
		gaps.sweep();

		assertThat(gaps.open()).isEmpty();
		assertThat(messagesAbout(Groups.COUNTY_RUNNERS)).hasSize(before);
	}

	List<GroupMessage> messagesAbout(String group) {
		return outbox.groupMessagesAbout(group);
	}

	void at(int year, int month, int day, int hour, int minute) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant()));
	}

	void emptyGroup(String group) {
		var users = identityService.createUserQuery().memberOfGroup(group).list().stream().map(u -> u.getId()).toList();
		users.forEach(user -> identityService.deleteMembership(user, group));
		removed.put(group, users);
	}

	void refill() {
		removed.forEach((group, users) -> users.forEach(user -> identityService.createMembership(user, group)));
		removed.clear();
	}
}
