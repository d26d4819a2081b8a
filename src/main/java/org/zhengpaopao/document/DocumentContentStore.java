package org.zhengpaopao.document;

import java.util.Optional;

/**
 * Where a document's bytes live, by the document's id. The database for now ({@link DatabaseDocumentContentStore});
 * an object store can take its place without the rest of the module noticing.
 */
interface DocumentContentStore {

	void put(long id, byte[] content);

	Optional<byte[]> get(long id);

	/** Deleting what is not there is no error. */
	void delete(long id);
}
