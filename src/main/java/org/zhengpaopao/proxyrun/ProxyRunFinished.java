package org.zhengpaopao.proxyrun;

/** Published in the transaction in which a run ends: delivered, refused or closed as an exception. */
public record ProxyRunFinished(String caseNo) {
}
