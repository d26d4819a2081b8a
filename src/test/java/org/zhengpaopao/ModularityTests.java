package org.zhengpaopao;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void shouldKeepFeaturesBehindTheirServiceApis() {
		ApplicationModules.of(ZhengpaopaoApplication.class).verify();
	}
}
