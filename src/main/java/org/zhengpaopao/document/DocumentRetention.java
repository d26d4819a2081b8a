package org.zhengpaopao.document;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour, on each node: deletes the content of documents whose retention period has run out. */
@Component
class DocumentRetention {

	private final Documents documents;

	DocumentRetention(Documents documents) {
		this.documents = documents;
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.documents.retention-sweep:PT1H}",
			initialDelayString = "${zhengpaopao.documents.retention-sweep:PT1H}")
	void sweep() {
		documents.deleteExpired();
	}
}
