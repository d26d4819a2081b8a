/**
 * The small shared kernel every feature may use: the clock and the county's time zone ({@code CountyTime}), the
 * exceptions a feature throws for input a user can correct, a conflict or a missing thing, checked free text,
 * idempotency keys, reading seed files, and the application's configuration with its production settings check.
 */
package org.zhengpaopao.system;
