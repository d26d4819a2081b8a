package org.zhengpaopao.demandreport;

import org.zhengpaopao.MariaDbTest;

/** The report process through each outcome and the overdue cards again, on the MySQL-family server. */
@MariaDbTest
class MariaDbDemandReportProcessTests extends DemandReportProcessTests {
}
