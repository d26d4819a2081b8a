/**
 * The thin Camunda adapter of the proxy-run: starts and correlates the process, and turns service tasks and
 * task completions into calls of {@link org.zhengpaopao.proxyrun.ProxyRuns} and the services next to it.
 */
package org.zhengpaopao.proxyrun.process;
