/**
 * Supervision (督办) of late proxy-runs for the task force and the managers: the overdue list with its counts,
 * read by the Cockpit plugin 「超期代跑」.
 */
package org.zhengpaopao.supervision;
