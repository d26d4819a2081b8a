package org.zhengpaopao.assessment;

/** What was rated: a certificate-free case (办件) or a proxy-run opened on its own. */
public enum RatedService {
	APPLICATION, PROXY_RUN
}
