/**
 * Absence cover (请假代岗): a runner's or clerk's absence moves their open tasks (claimed ones back to the group,
 * direct assignments to a named stand-in), keeps new tasks from being assigned to them, and counts in the
 * coverage of the 县乡村三级代跑服务圈. The domain lives here; only {@code absence.process} knows Camunda.
 */
package org.zhengpaopao.absence;
