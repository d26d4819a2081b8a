/**
 * The web's edges for every feature: errors as RFC 9457 problem details in Chinese and English (the advice, the error
 * controller, Tomcat's own errors, a database outage), the request size limit, strict JSON and the public pages'
 * short addresses. Features throw the exceptions of {@code system}; this module answers them.
 */
package org.zhengpaopao.web;
