/**
 * Workflow support shared by the features' process adapters ({@code *.process}): who acted on a task
 * ({@link org.zhengpaopao.workflow.TaskActor}), acting as the process itself where authorization checks would stop
 * it ({@link org.zhengpaopao.workflow.AsSystem}), reading what a form submitted
 * ({@link org.zhengpaopao.workflow.FormValues}), and the deadline-and-card policy every watched step follows
 * ({@link org.zhengpaopao.workflow.StepDeadlines}: red card at the deadline, yellow the working day before, further
 * levels after it), computed once on the working-day calendar, and how a late step is announced
 * ({@link org.zhengpaopao.workflow.OverdueNotice}: one text, and who hears at which
 * {@link org.zhengpaopao.workflow.OverdueLevel}). {@code StepDeadlines}, {@code OverdueNotice} and {@code OverdueLevel} do not know Camunda, so a
 * feature's domain may use it.
 */
package org.zhengpaopao.workflow;
