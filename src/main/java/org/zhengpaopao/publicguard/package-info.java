/**
 * The guard of the public pages: one spelling of the identifiers applicants type ({@code TypedIdentifier}) and the
 * limits on attempts per identifier and per address ({@code PublicAttempts}), shared by every node through the
 * database; too many attempts are a 429.
 */
package org.zhengpaopao.publicguard;
