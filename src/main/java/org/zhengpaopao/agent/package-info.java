/**
 * The village agent (村代办员) on the phone: the page at {@code /agent/} where an agent takes a villager's request in
 * the village (a proxy-run or a case), with the villager's paper authorization photographed or the one-time code the
 * villager reads out, sees the village's cases and records a result handed back. Only the villages whose
 * {@code agents-<village>} group the agent belongs to. The cases themselves stay the {@code application} and
 * {@code proxyrun} features'; the photo is a {@code document} of the case (docs/village-agents.md).
 */
package org.zhengpaopao.agent;
