package org.zhengpaopao.demandreport;

import org.zhengpaopao.MariaDbTest;

/**
 * The public report API, duplicates, the limit per address (counted on {@code zpp_public_attempt} with MySQL's
 * statement semantics) and the KPI count again, on the MySQL-family server.
 */
@MariaDbTest
class MariaDbDemandReportApiTests extends DemandReportApiTests {
}
