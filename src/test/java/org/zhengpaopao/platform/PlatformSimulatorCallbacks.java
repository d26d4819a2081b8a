package org.zhengpaopao.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The county's status callback to the platform simulator, signed, for tests outside this package. */
public final class PlatformSimulatorCallbacks {

	private PlatformSimulatorCallbacks() {
	}

	/**
	 * @param secret {@code null}: unsigned
	 * @return the simulator's HTTP status
	 */
	public static int push(int port, String appKey, String secret, String platformId, String caseNo, String status,
			String statusName) throws IOException, InterruptedException {
		String path = SimulatorController.BASE + "/callbacks";
		byte[] body = ("{\"platformApplicationId\":\"" + platformId + "\",\"caseNo\":\"" + caseNo + "\",\"status\":\""
				+ status + "\",\"statusName\":\"" + statusName + "\",\"occurredAt\":\"" + java.time.OffsetDateTime.now()
				+ "\"}").getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(System.currentTimeMillis());
		String nonce = SimulatedCounty.nonce();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("X-Platform-AppKey", appKey)
			.header("X-Platform-Timestamp", timestamp)
			.header("X-Platform-Nonce", nonce)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (secret != null) {
			request.header("X-Platform-Signature", PlatformSignature.sign(secret, "POST", path, timestamp, nonce, body));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
