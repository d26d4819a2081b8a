package org.zhengpaopao.document;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

/**
 * Documents of an owner (a proxy-run's case number, say): stored after a check of their content, handed out only as
 * copies stamped with their purpose, each copy recorded, and their content deleted
 * {@code zhengpaopao.documents.retention} after the owner ended. The record of a document and of its copies stays.
 */
@Service
public class Documents {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);

	static final int MAX_FILENAME = 200;
	static final int MAX_REF = 64;
	static final int MAX_STAMP = 200;

	private final JdbcClient jdbc;
	private final DocumentContentStore contents;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final long maxSize;
	private final Duration retention;

	Documents(JdbcClient jdbc, DocumentContentStore contents, Clock clock, PlatformTransactionManager transactions,
			@Value("${zhengpaopao.documents.max-size:10MB}") DataSize maxSize,
			@Value("${zhengpaopao.documents.retention:180d}") Duration retention) {
		this.jdbc = jdbc;
		this.contents = contents;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		this.maxSize = maxSize.toBytes();
		this.retention = retention;
	}

	/**
	 * Checks the content (PDF, JPEG or PNG by what it is, at most the maximum size) and stores it with its SHA-256.
	 * Refusals are {@link InvalidInputException}s for the field {@code file}. A document stored for an owner that has
	 * already ended is due for deletion with the owner's others.
	 */
	@Transactional
	public StoredDocument store(String ownerRef, String filename, byte[] content, String storedBy) {
		String owner = ref(ownerRef, "ownerRef");
		String by = ref(storedBy, "storedBy");
		if (content != null && content.length > maxSize) {
			throw ContentCheck.refused("文件不能超过 " + size(maxSize), "The file may not exceed " + size(maxSize));
		}
		DocumentKind kind = ContentCheck.kindOf(content);
		String name = filename(filename, kind);
		String sha256 = sha256(content);
		Instant now = clock.instant();
		List<Instant> ended = jdbc.sql("select max(delete_after) from zpp_document where owner_ref = :owner")
			.param("owner", owner)
			.query((rs, n) -> instant(rs, 1))
			.list();
		Instant deleteAfter = ended.isEmpty() ? null : ended.get(0);
		var key = new GeneratedKeyHolder();
		jdbc.sql("insert into zpp_document (owner_ref, kind, filename, size_bytes, sha256, stored_by, stored_at, "
				+ "delete_after) values (:owner, :kind, :filename, :size, :sha256, :by, :at, :deleteAfter)")
			.param("owner", owner)
			.param("kind", kind.name())
			.param("filename", name)
			.param("size", (long) content.length)
			.param("sha256", sha256)
			.param("by", by)
			.param("at", Timestamp.from(now))
			.param("deleteAfter", deleteAfter == null ? null : Timestamp.from(deleteAfter))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		contents.put(id, content);
		log.info("Document {} of {} stored: {}, {} bytes", id, owner, kind, content.length);
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<StoredDocument> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Documents::document).optional();
	}

	/** The owner's documents, oldest first, deleted ones included. */
	@Transactional(readOnly = true)
	public List<StoredDocument> ofOwner(String ownerRef) {
		return jdbc.sql(SELECT + " where owner_ref = :owner order by id").param("owner", ownerRef)
			.query(Documents::document)
			.list();
	}

	/**
	 * A PDF of the document with {@code stamp} (its purpose, e.g. 「仅供县人力资源和社会保障局办理最低生活保障申请使用
	 * 2026-12-07」) at the top of every page; an image is put on an A4 page first. Records who took the copy and when,
	 * in the same transaction. A document whose content has been deleted is a {@link ConflictException}.
	 */
	@Transactional
	public byte[] stampedCopy(long id, String stamp, String downloadedBy) {
		String purpose = stamp(stamp);
		String by = ref(downloadedBy, "downloadedBy");
		StoredDocument document = find(id)
			.orElseThrow(() -> new NotFoundException("没有这份文件", "There is no such document"));
		byte[] content = document.deleted() ? null : contents.get(id).orElse(null);
		if (content == null) {
			throw new ConflictException("该文件已超过保存期限并已删除",
					"The document was deleted when its retention period ran out");
		}
		byte[] copy;
		try {
			copy = document.kind() == DocumentKind.PDF ? Stamper.stampedPdf(content, purpose)
					: Stamper.stampedImage(content, document.filename(), purpose);
		}
		catch (IOException e) {
			throw new IllegalStateException("Document " + id + " could not be stamped", e);
		}
		jdbc.sql("insert into zpp_document_download (document_id, owner_ref, downloaded_by, downloaded_at, stamp) "
				+ "values (:id, :owner, :by, :at, :stamp)")
			.param("id", id)
			.param("owner", document.ownerRef())
			.param("by", by)
			.param("at", Timestamp.from(clock.instant()))
			.param("stamp", purpose)
			.update();
		return copy;
	}

	/** Every stamped copy of the owner's documents handed out, oldest first. */
	@Transactional(readOnly = true)
	public List<Download> downloads(String ownerRef) {
		return jdbc.sql("select document_id, owner_ref, downloaded_by, downloaded_at, stamp from zpp_document_download "
				+ "where owner_ref = :owner order by id")
			.param("owner", ownerRef)
			.query((rs, n) -> new Download(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
					rs.getString(5)))
			.list();
	}

	/**
	 * The owner has ended at {@code endedAt}: its documents not deleted yet are due for deletion the retention period
	 * later (again, if it ends again).
	 */
	@Transactional
	public void ownerEnded(String ownerRef, Instant endedAt) {
		jdbc.sql("update zpp_document set delete_after = :due where owner_ref = :owner and deleted_at is null")
			.param("due", Timestamp.from(endedAt.plus(retention)))
			.param("owner", ownerRef)
			.update();
	}

	/**
	 * Deletes the content of every document whose time has come and records when and why; returns how many. On
	 * several nodes each document is claimed by one: the claim is an update of a row not yet marked deleted.
	 */
	public int deleteExpired() {
		Instant now = clock.instant();
		List<Long> due = jdbc.sql("select id from zpp_document where deleted_at is null and delete_after <= :now "
				+ "order by delete_after")
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.list();
		String note = "已超过保存期限（办结后 " + days(retention) + "），文件已删除";
		int deleted = 0;
		for (long id : due) {
			Boolean claimed = transactions.execute(status -> {
				int rows = jdbc.sql("update zpp_document set deleted_at = :now, deletion_note = :note "
						+ "where id = :id and deleted_at is null")
					.param("now", Timestamp.from(now))
					.param("note", note)
					.param("id", id)
					.update();
				if (rows == 1) {
					contents.delete(id);
				}
				return rows == 1;
			});
			if (Boolean.TRUE.equals(claimed)) {
				deleted++;
				log.info("Document {} deleted: its retention period ran out", id);
			}
		}
		return deleted;
	}

	private static final String SELECT = "select id, owner_ref, kind, filename, size_bytes, sha256, stored_by, "
			+ "stored_at, delete_after, deleted_at, deletion_note from zpp_document";

	private static StoredDocument document(ResultSet rs, int row) throws SQLException {
		return new StoredDocument(rs.getLong(1), rs.getString(2), DocumentKind.valueOf(rs.getString(3)),
				rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
				instant(rs, 10), rs.getString(11));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static String ref(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "必填", "is required");
		}
		String ref = value.strip();
		if (ref.length() > MAX_REF) {
			throw new InvalidInputException(field, "不能超过 " + MAX_REF + " 个字符", "may not exceed " + MAX_REF
					+ " characters");
		}
		return ref;
	}

	private static String stamp(String stamp) {
		String text = stamp == null ? "" : withoutControls(stamp).strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("stamp", "必须写明用途", "must say what the copy is for");
		}
		if (text.length() > MAX_STAMP) {
			throw new InvalidInputException("stamp", "不能超过 " + MAX_STAMP + " 个字符",
					"may not exceed " + MAX_STAMP + " characters");
		}
		return text;
	}

	/** The name as sent, without a client's folders or control characters, at most 200 characters. */
	static String filename(String filename, DocumentKind kind) {
		String name = filename == null ? "" : filename;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = withoutControls(name).strip();
		if (name.isEmpty()) {
			name = "未命名." + kind.extension();
		}
		if (name.length() > MAX_FILENAME) {
			int end = Character.isHighSurrogate(name.charAt(MAX_FILENAME - 1)) ? MAX_FILENAME - 1 : MAX_FILENAME;
			name = name.substring(0, end);
		}
		return name;
	}

	private static String withoutControls(String text) {
		StringBuilder clean = new StringBuilder(text.length());
		text.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		return clean.toString();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String size(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
	}

	private static String days(Duration retention) {
		return retention.toHours() % 24 == 0 ? retention.toDays() + " 天" : retention.toHours() + " 小时";
	}
}
