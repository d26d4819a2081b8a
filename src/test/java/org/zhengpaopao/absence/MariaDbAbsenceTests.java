package org.zhengpaopao.absence;

import org.zhengpaopao.MariaDbTest;

/** Absence cover again, on the MySQL-family server (its migration, dates and the conditional start). */
@MariaDbTest
class MariaDbAbsenceTests extends AbsenceTests {
}
