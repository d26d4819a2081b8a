package org.zhengpaopao.proxyrun;

/**
 * The run's open runner task as the process adapter sees it, for the notices about it: the engine's task id (for the
 * link to Tasklist) as a plain string, and who holds it.
 *
 * @param taskId {@code null} when no runner task is open (the run is with the issuing department)
 * @param holder {@code null} when nobody has claimed it
 */
public record OpenRunnerTask(String taskId, String holder) {

	public static final OpenRunnerTask NONE = new OpenRunnerTask(null, null);
}
