package org.zhengpaopao.document;

import java.time.Instant;

/**
 * A stored document's record. {@code deleteAfter} is set once its owner has ended; {@code deletedAt} and
 * {@code deletionNote} once its content has been deleted, after which the record stays and no copy can be had.
 */
public record StoredDocument(long id, String ownerRef, DocumentKind kind, String filename, long size, String sha256,
		String storedBy, Instant storedAt, Instant deleteAfter, Instant deletedAt, String deletionNote) {

	public boolean deleted() {
		return deletedAt != null;
	}
}
