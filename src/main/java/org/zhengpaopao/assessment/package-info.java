/**
 * Assessment (考核): the applicants' ratings (好差评) of finished cases and proxy-runs, the rectification of bad
 * ratings (差评整改) and the numbers the county is judged by.
 */
package org.zhengpaopao.assessment;
