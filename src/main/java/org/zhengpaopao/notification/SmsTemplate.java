package org.zhengpaopao.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every kind of text message to applicants. Providers send only templates they approved (a sign name, a template
 * code and named parameters), so a message is a kind and its parameters, never free text. Each kind's code is set
 * under {@code zhengpaopao.notifications.sms.templates.<key>}; {@link #text} is what the county submits for approval
 * (without the sign name, which the provider adds) and what the logging gateway renders (docs/notifications.md).
 */
public enum SmsTemplate {

	RUN_OPENED("您的代跑办件 ${caseNo}（${certificate}）已受理，证跑跑将于 ${deadline} 前为您办结。查询进度：${link}"),

	AUTHORIZATION_CODE("您的代跑办件 ${caseNo} 需要您确认授权，验证码 ${code}，请打开 ${link} 输入。"),

	DECISION_APPROVED("您申请的「${matter}」（办件 ${caseNo}）已准予办理。"),

	DECISION_REJECTED("您申请的「${matter}」（办件 ${caseNo}）不予办理，理由：${reason}。"),

	RATING_INVITATION("您的办件 ${caseNo} 已办结，请对我们的服务作出评价：${link}"),

	RATING_REMINDER("温馨提示：您的办件 ${caseNo} 尚未评价，欢迎评价：${link}"),

	RECTIFICATION_REPORT("针对您对办件 ${caseNo} 的评价，我们已完成整改：${report}。欢迎再次评价：${link}"),

	DEMAND_REPORT_REPLIED("您的索要证明举报（跟踪编号 ${trackingNumber}）已有答复，请凭跟踪编号查询。"),

	/** The platform simulator's phone confirmation (demo profile only, docs/platform.md). */
	PLATFORM_LOGIN_CODE("您正在省政务服务平台（演示）提交申请，验证码 ${code}，5分钟内有效。");

	/** The parameter a one-time code goes in; it is minted when the message is sent and never stored. */
	static final String CODE_PARAMETER = "code";

	private final String text;

	private final Set<String> parameters;

	SmsTemplate(String text) {
		this.text = text;
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = Placeholder.PATTERN.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		this.parameters = Set.copyOf(names);
	}

	/** In a holder: an enum's constructor cannot read the enum's own static fields. */
	private static final class Placeholder {

		static final Pattern PATTERN = Pattern.compile("\\$\\{(\\w+)}");
	}

	/** The template's Chinese text with {@code ${name}} where each parameter goes. */
	public String text() {
		return text;
	}

	/** The parameters the template names, the code included. */
	public Set<String> parameters() {
		return parameters;
	}

	/** The settings key: {@code authorization-code} for {@link #AUTHORIZATION_CODE}. */
	public String key() {
		return name().toLowerCase().replace('_', '-');
	}

	boolean carriesCode() {
		return parameters.contains(CODE_PARAMETER);
	}

	/** The text with every parameter in its place. */
	String render(Map<String, String> values) {
		Matcher matcher = Placeholder.PATTERN.matcher(text);
		StringBuilder rendered = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(rendered, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
		}
		return matcher.appendTail(rendered).toString();
	}
}
