package org.zhengpaopao.notification;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** What the robots and the enterprise app share in talking to DingTalk. */
final class DingTalkHttp {

	private static final int MAX_REASON = 200;

	private DingTalkHttp() {
	}

	static RestClient client(NotificationProperties.DingTalk config, RestClient.Builder http) {
		// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http
		var client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(config.connectTimeout())
			.build();
		var requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(config.readTimeout());
		return http.clone().requestFactory(requests).build();
	}

	/** A failure's root cause by type and message: JDK messages such as "Connection refused" name no address. */
	static String cause(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String what = root.getClass().getSimpleName();
		return root.getMessage() == null || root == e ? what : what + " " + root.getMessage();
	}

	static String refused(Integer errcode, String errmsg) {
		String reason = "钉钉拒绝 / DingTalk refused: errcode " + errcode + " " + errmsg;
		return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
	}
}
