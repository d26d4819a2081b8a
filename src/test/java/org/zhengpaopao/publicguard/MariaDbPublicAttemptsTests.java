package org.zhengpaopao.publicguard;

import org.zhengpaopao.MariaDbTest;

/** The public pages' lock-out again on the MySQL-family server: its upserts and row locks are MySQL's own SQL. */
@MariaDbTest
class MariaDbPublicAttemptsTests extends PublicAttemptsTests {
}
