/**
 * Cross-cutting configuration and the small shared kernel every feature may use:
 * error responses, the clock, ID numbers and reading seed files.
 */
package org.zhengpaopao.system;
