package org.zhengpaopao.document;

import org.zhengpaopao.MariaDbTest;

/** Documents again on the MySQL-family server: its migration, LONGBLOB content, times and the retention claim. */
@MariaDbTest
class MariaDbDocumentsTests extends DocumentsTests {
}
