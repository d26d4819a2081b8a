package org.zhengpaopao.catalog;

import org.zhengpaopao.MariaDbTest;

/** The catalog's review through each outcome and the overdue cards again, on the MySQL-family server. */
@MariaDbTest
class MariaDbCatalogReviewProcessTests extends CatalogReviewProcessTests {
}
