package org.zhengpaopao;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhengpaopaoApplication {

	static {
		// The county works on Beijing time; deadlines, timers and the webapps all use it.
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
	}

	public static void main(String[] args) {
		SpringApplication.run(ZhengpaopaoApplication.class, args);
	}
}
