package org.zhengpaopao.window;

import java.util.Collection;
import java.util.Map;

/** Finds the open 「窗口审批」 task of each case, so that the desk can link to it in Tasklist. */
public interface DecisionTasks {

	/** process instance id → task id, for the instances that have an open decision task */
	Map<String, String> openDecisionTasks(Collection<String> processInstanceIds);
}
