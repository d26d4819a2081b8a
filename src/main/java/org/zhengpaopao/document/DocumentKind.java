package org.zhengpaopao.document;

/** What a stored document is, as its content says (never its name or a declared type). */
public enum DocumentKind {

	PDF("application/pdf", "PDF 文件", "pdf"),
	JPEG("image/jpeg", "JPEG 图片", "jpg"),
	PNG("image/png", "PNG 图片", "png");

	private final String mediaType;
	private final String label;
	private final String extension;

	DocumentKind(String mediaType, String label, String extension) {
		this.mediaType = mediaType;
		this.label = label;
		this.extension = extension;
	}

	/** The stored content's media type; a stamped copy is always {@code application/pdf}. */
	public String mediaType() {
		return mediaType;
	}

	/** In Chinese, for staff: 「PDF 文件」, 「JPEG 图片」, 「PNG 图片」. */
	public String label() {
		return label;
	}

	String extension() {
		return extension;
	}
}
