package org.zhengpaopao.document;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Content in {@code zpp_document_content}, one row per document, in the caller's transaction. */
@Component
class DatabaseDocumentContentStore implements DocumentContentStore {

	private final JdbcTemplate jdbc;

	DatabaseDocumentContentStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void put(long id, byte[] content) {
		jdbc.update("insert into zpp_document_content (document_id, content) values (?, ?)", id, content);
	}

	@Override
	public Optional<byte[]> get(long id) {
		List<byte[]> found = jdbc.query("select content from zpp_document_content where document_id = ?",
				(rs, n) -> rs.getBytes(1), id);
		return found.stream().findFirst();
	}

	@Override
	public void delete(long id) {
		jdbc.update("delete from zpp_document_content where document_id = ?", id);
	}
}
