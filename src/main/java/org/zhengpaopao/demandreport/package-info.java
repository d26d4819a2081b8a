/**
 * Citizens report demanded certificates (清单之外无证明): a citizen or company reports on a public page that a
 * department still demanded a certificate the catalog cancelled, shares or replaces; the reform office verifies
 * it with the department, records the finding and the rectification and answers on the public tracking page.
 * Confirmed reports count against the department in the KPIs.
 */
package org.zhengpaopao.demandreport;
