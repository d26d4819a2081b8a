package org.zhengpaopao.proxyrun;

import org.zhengpaopao.MariaDbTest;

/** Every path through proxy-run.bpmn again, on the MySQL-family server. */
@MariaDbTest
class MariaDbProxyRunProcessTests extends ProxyRunProcessTests {
}
