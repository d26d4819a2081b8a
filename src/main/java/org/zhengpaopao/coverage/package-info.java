/**
 * Coverage of the 县乡村三级代跑服务圈: every village's township linkage group, the county group and every
 * department group must have an active runner.
 */
package org.zhengpaopao.coverage;
