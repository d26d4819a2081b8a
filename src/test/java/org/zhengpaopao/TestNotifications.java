package org.zhengpaopao;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;

/** Keeps the messages sent, so that a test can read the one-time code the applicant received. */
@TestConfiguration(proxyBeanMethods = false)
public class TestNotifications {

	@Bean
	RecordingNotifier recordingNotifier() {
		return new RecordingNotifier();
	}

	public static class RecordingNotifier implements Notifier {

		private static final Pattern CODE = Pattern.compile("验证码 (\\d{6})");

		private final List<SmsMessage> sent = new CopyOnWriteArrayList<>();
		private final List<GroupMessage> groupMessages = new CopyOnWriteArrayList<>();

		@Override
		public void send(SmsMessage message) {
			sent.add(message);
		}

		@Override
		public void send(GroupMessage message) {
			groupMessages.add(message);
		}

		/** Messages to staff groups about one case, oldest first. */
		public List<GroupMessage> groupMessagesAbout(String caseNo) {
			return groupMessages.stream().filter(m -> caseNo.equals(m.reference())).toList();
		}

		public String lastCodeFor(String caseNo) {
			for (int i = sent.size() - 1; i >= 0; i--) {
				if (sent.get(i).reference().equals(caseNo)) {
					Matcher matcher = CODE.matcher(sent.get(i).text());
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
			}
			throw new AssertionError("no code was sent for " + caseNo);
		}

		public List<SmsMessage> sent() {
			return List.copyOf(sent);
		}
	}
}
