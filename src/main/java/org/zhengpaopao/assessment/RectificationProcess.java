package org.zhengpaopao.assessment;

import java.time.Instant;

/** The port through which a bad rating starts {@code rectification.bpmn}; the Camunda adapter implements it. */
public interface RectificationProcess {

	void start(String caseNo, String responsibleGroup, Instant callBackDue, Instant rectificationDue);
}
