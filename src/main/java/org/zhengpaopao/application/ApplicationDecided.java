package org.zhengpaopao.application;

/** Published in the transaction in which the window's decision is sent to the applicant. */
public record ApplicationDecided(String caseNo) {
}
