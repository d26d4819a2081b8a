package org.zhengpaopao;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.zhengpaopao.sharing.DataSharing;
import org.zhengpaopao.sharing.DataSharingUnavailableException;

/**
 * The data platform as the application is configured to reach it (the seeded simulator), with a switch that
 * takes it down, so that a test can watch an outage become an incident and a retry continue the case.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDataSharing {

	@Bean
	@Primary
	SwitchableDataSharing switchableDataSharing(@Qualifier("dataSharing") DataSharing configured) {
		return new SwitchableDataSharing(configured);
	}

	public static class SwitchableDataSharing implements DataSharing {

		private final DataSharing platform;
		private volatile boolean down;
		private volatile int calls;

		SwitchableDataSharing(DataSharing platform) {
			this.platform = platform;
		}

		public void goDown() {
			down = true;
		}

		public void comeBack() {
			down = false;
		}

		public int calls() {
			return calls;
		}

		@Override
		public Verification verify(VerificationRequest request) {
			calls++;
			if (down) {
				throw new DataSharingUnavailableException("数据共享平台无法连接（测试中断）", null);
			}
			return platform.verify(request);
		}
	}
}
