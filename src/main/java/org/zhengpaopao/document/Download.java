package org.zhengpaopao.document;

import java.time.Instant;

/** A stamped copy handed out: of which document, to whom, when, and with which stamp. */
public record Download(long documentId, String ownerRef, String downloadedBy, Instant at, String stamp) {
}
