package org.zhengpaopao.workflow;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;

/**
 * Work a process step does on the engine as the process itself: supervision moves tasks that belong to runners and
 * clerks, not to the task-force member whose completion runs the step. The process is entitled to, so the engine's
 * authorization checks are suspended for the call (and restored after it). Only inside a running command, such as a
 * delegate or a listener.
 */
public final class AsSystem {

	private AsSystem() {
	}

	public static <T> T call(Supplier<T> work) {
		var commandContext = Context.getCommandContext();
		boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
		commandContext.disableAuthorizationCheck();
		try {
			return work.get();
		}
		finally {
			if (wasEnabled) {
				commandContext.enableAuthorizationCheck();
			}
		}
	}

	public static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}
}
