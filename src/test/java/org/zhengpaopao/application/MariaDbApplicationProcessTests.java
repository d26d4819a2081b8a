package org.zhengpaopao.application;

import org.zhengpaopao.MariaDbTest;

/** Every path through certificate-free-application.bpmn again, on the MySQL-family server. */
@MariaDbTest
class MariaDbApplicationProcessTests extends ApplicationProcessTests {
}
