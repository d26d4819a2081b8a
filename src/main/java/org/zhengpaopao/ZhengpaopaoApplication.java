package org.zhengpaopao;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.zhengpaopao.system.CountyTime;

@SpringBootApplication
public class ZhengpaopaoApplication {

	static {
		// The county works on Beijing time; deadlines, timers and the webapps all use it.
		TimeZone.setDefault(TimeZone.getTimeZone(CountyTime.ZONE));
	}

	public static void main(String[] args) {
		SpringApplication.run(ZhengpaopaoApplication.class, args);
	}
}
