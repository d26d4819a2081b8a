/**
 * The county's organisation: townships (and subdistricts and towns) with their villages, and the
 * departments that issue and use certificates.
 */
package org.zhengpaopao.organization;
