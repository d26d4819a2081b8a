package org.zhengpaopao.proxyrun;

import org.zhengpaopao.MariaDbTest;

/** Yellow and red cards, escalation levels and the task force's actions again, on the MySQL-family server. */
@MariaDbTest
class MariaDbProxyRunEscalationTests extends ProxyRunEscalationTests {
}
