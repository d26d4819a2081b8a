package org.zhengpaopao.identity;

import org.zhengpaopao.MariaDbTest;

/** The login throttle again on the MySQL-family server: its counts are conditional updates in MySQL's own SQL. */
@MariaDbTest
class MariaDbLoginThrottleTests extends LoginThrottleTests {
}
