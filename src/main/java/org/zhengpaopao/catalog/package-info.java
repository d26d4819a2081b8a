/**
 * The certificate catalog (证明清单): every certificate the county's matters used to require, with its
 * issuer, legal basis and disposition.
 */
package org.zhengpaopao.catalog;
