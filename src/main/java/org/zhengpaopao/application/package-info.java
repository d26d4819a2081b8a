/**
 * The certificate-free application (办件): a window takes an application for a matter, and every certificate the
 * matter used to require is cancelled, verified from shared data, replaced by a licence or a written commitment,
 * or fetched by a runner; then the window decides.
 */
package org.zhengpaopao.application;
