/**
 * The proxy-run (代跑): a runner fetches one certificate from its issuing department for an applicant who
 * authorized it, against a deadline in working days. The domain lives here; only {@code proxyrun.process}
 * knows Camunda.
 */
package org.zhengpaopao.proxyrun;
