package org.zhengpaopao.applicant;

import java.util.Objects;

/**
 * How a case reached the county, with what identifies it there: the platform's own application id, or the village
 * whose agent took it (docs/adr/0038-intake-channels.md).
 *
 * @param reference none for a window; the platform's application id; the village code for an agent
 */
public record Intake(IntakeChannel channel, String reference) {

	public static final int MAX_REFERENCE = 64;

	/** At a window: the default, and what every case taken before there were channels was. */
	public static final Intake WINDOW = new Intake(IntakeChannel.WINDOW, null);

	public Intake {
		Objects.requireNonNull(channel, "channel");
		reference = reference == null || reference.isBlank() ? null : reference.strip();
		if (channel != IntakeChannel.WINDOW && reference == null) {
			throw new IllegalArgumentException(channel + " intake needs its reference");
		}
		if (reference != null && reference.length() > MAX_REFERENCE) {
			throw new IllegalArgumentException("intake reference longer than " + MAX_REFERENCE);
		}
	}

	public static Intake platform(String platformApplicationId) {
		return new Intake(IntakeChannel.PLATFORM, platformApplicationId);
	}

	public static Intake agent(String villageCode) {
		return new Intake(IntakeChannel.AGENT, villageCode);
	}

	/** A stored case's intake. */
	public static Intake of(String channel, String reference) {
		return new Intake(IntakeChannel.valueOf(channel), reference);
	}

	public boolean online() {
		return channel == IntakeChannel.PLATFORM;
	}

	/** What the case's history says about its intake. */
	public String acceptedNote(String what) {
		return switch (channel) {
			case WINDOW -> "窗口受理" + what;
			case PLATFORM -> "省政务服务平台网上受理" + what + "（平台申请号 " + reference + "）";
			case AGENT -> "村代办员代为受理" + what;
		};
	}

	/** What the history says when the authorization came with the intake. */
	public String authorizationNote() {
		return switch (channel) {
			case WINDOW -> "申请人已在窗口签署授权委托书";
			case PLATFORM -> "申请人经省政务服务平台实名认证后本人网上提交，即为授权";
			case AGENT -> "申请人已签署纸质授权委托书，村代办员拍照留存";
		};
	}
}
