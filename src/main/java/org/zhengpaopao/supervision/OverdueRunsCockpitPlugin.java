package org.zhengpaopao.supervision;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Cockpit plugin 「超期代跑」: the overdue runs on the dashboard and a 「代跑详情」 tab on each process instance.
 * Only the browser code ({@code app/plugin.js}, {@code app/plugin.css}); it reads {@code /api/supervision} with
 * the Cockpit session. Public, as Camunda finds it through {@link java.util.ServiceLoader}.
 */
public class OverdueRunsCockpitPlugin extends AbstractCockpitPlugin {

	static final String ID = "overdue-runs";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(OverdueRunsPluginRootResource.class);
	}

	@Override
	public String getAssetDirectory() {
		return "plugin-webapp/" + ID;
	}
}
