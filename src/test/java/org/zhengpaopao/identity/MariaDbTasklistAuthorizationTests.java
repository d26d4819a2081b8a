package org.zhengpaopao.identity;

import org.zhengpaopao.MariaDbTest;

@MariaDbTest
class MariaDbTasklistAuthorizationTests extends TasklistAuthorizationTests {
}
