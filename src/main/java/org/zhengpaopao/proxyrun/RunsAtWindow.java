package org.zhengpaopao.proxyrun;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The proxy-runs a window opened itself (those of an application are the application's). */
@Service
@Transactional(readOnly = true)
public class RunsAtWindow {

	private final ProxyRunRepository runs;

	RunsAtWindow(ProxyRunRepository runs) {
		this.runs = runs;
	}

	/** Newest first. */
	public List<ProxyRun> openedSince(Collection<String> departments, Instant from) {
		return runs.findByUsingDepartmentCodeInAndApplicationCaseNoIsNullAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
				departments, from);
	}
}
