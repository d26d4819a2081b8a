/**
 * Supervision (督办) of overdue proxy-runs for 督考办 and 工作专班: the Cockpit plugin 「超期代跑」 and the API it reads.
 */
package org.zhengpaopao.supervision;
