/**
 * The window (窗口受理) in the browser: the pages at {@code /window/} where a window clerk finds the matter or the
 * certificate, records the applicant (a person or a company), takes the case through the application API with
 * the webapp login, prints what the applicant signs and the receipt (受理回执) with its QR code, and sees the day's
 * cases. The cases themselves stay the {@code application} and {@code proxyrun} features'; this feature only reads
 * them and plans what a matter will need.
 */
package org.zhengpaopao.window;
