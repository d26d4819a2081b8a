package org.zhengpaopao.assessment;

import org.zhengpaopao.MariaDbTest;

/** Ratings and rectification again, on the MySQL-family server. */
@MariaDbTest
class MariaDbRatingTests extends RatingTests {
}
