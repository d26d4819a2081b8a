/**
 * Demo data beyond the seeds: with {@code zhengpaopao.demo.history=true}, six months of proxy-runs, cases and
 * ratings driven through the real processes, so that a manager trying the system sees a living dashboard.
 */
package org.zhengpaopao.demo;
