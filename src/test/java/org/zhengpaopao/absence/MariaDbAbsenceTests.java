package org.zhengpaopao.absence;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.zhengpaopao.MariaDbTest;

/** Absence cover again, on the MySQL-family server (its migration, dates and the conditional start). */
@MariaDbTest
class MariaDbAbsenceTests extends AbsenceTests {

	@Override
	@Test
	@Disabled("the webapps log into the engine named default, which is the H2 suite's; engine REST is checked here")
	void shouldShowTheRefusalOfAClaimInTasklist() {
	}
}
