package org.zhengpaopao.supervision;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

import jakarta.ws.rs.Path;

/**
 * Serves the plugin's {@code app/plugin.js} and {@code app/plugin.css} at
 * {@code /camunda/api/cockpit/plugin/overdue-runs/static/app/...}: Cockpit serves a plugin's assets only through
 * the plugin's own root resource. No data here; the data is in {@code /api/supervision}. Public for Jersey.
 */
@Path("plugin/" + OverdueRunsCockpitPlugin.ID)
public class OverdueRunsPluginRootResource extends AbstractCockpitPluginRootResource {

	public OverdueRunsPluginRootResource() {
		super(OverdueRunsCockpitPlugin.ID);
	}
}
