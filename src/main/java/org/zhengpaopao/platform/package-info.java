/**
 * The provincial service platform (省政务服务平台): applications it forwards after checking the applicant's real
 * name, signed with the shared secret, and the status it is told back through the outbox (docs/platform.md).
 */
package org.zhengpaopao.platform;
