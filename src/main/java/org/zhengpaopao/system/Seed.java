package org.zhengpaopao.system;

/**
 * Something that must be in the database before anybody can use the application: divisions, the catalog, the staff
 * groups, the demo users, the Tasklist filters. Each runs on every start, in {@link org.springframework.core.annotation.Order
 * order}, and adds only what is missing. {@link StartupSeeding} runs them all while the context starts, before the web
 * server accepts a request, so that {@code Started ZhengpaopaoApplication} in the log means a demo login works
 * (docs/adr/0043-start-up.md).
 */
public interface Seed {

	void seed();
}
