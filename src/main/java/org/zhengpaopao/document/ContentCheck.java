package org.zhengpaopao.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.zhengpaopao.system.InvalidInputException;

/**
 * Tells the kind of an upload from its content alone: a PDF starts with {@code %PDF-} and opens with at least one
 * page; a JPEG starts with FF D8 FF and a PNG with its 8-byte signature, and either decodes. Anything else is
 * refused, whatever its name says.
 */
final class ContentCheck {

	/** Larger images are refused before they are decoded: 10,000 × 10,000 pixels already take 400 MB. */
	static final long MAX_PIXELS = 60_000_000L;

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private ContentCheck() {
	}

	static DocumentKind kindOf(byte[] content) {
		if (content == null || content.length == 0) {
			throw refused("文件是空的", "The file is empty");
		}
		if (startsWith(content, PDF)) {
			checkPdf(content);
			return DocumentKind.PDF;
		}
		if (startsWith(content, JPEG)) {
			checkImage(content, "jpeg");
			return DocumentKind.JPEG;
		}
		if (startsWith(content, PNG)) {
			checkImage(content, "png");
			return DocumentKind.PNG;
		}
		throw refused("只能上传 PDF、JPEG 或 PNG 文件（按文件内容判断）",
				"Only PDF, JPEG or PNG files can be uploaded (judged by the content)");
	}

	private static void checkPdf(byte[] content) {
		try (PDDocument pdf = Loader.loadPDF(content)) {
			if (pdf.getNumberOfPages() < 1) {
				throw refused("PDF 文件没有页面", "The PDF has no pages");
			}
		}
		catch (InvalidPasswordException e) {
			throw refused("PDF 文件有密码保护，无法打开，请上传没有密码的文件",
					"The PDF is protected by a password; upload one without");
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw refused("PDF 文件已损坏，无法打开", "The PDF is damaged and cannot be opened");
		}
	}

	private static void checkImage(byte[] content, String format) {
		String zh = "jpeg".equals(format) ? "JPEG" : "PNG";
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (in == null || !readers.hasNext()) {
				throw damaged(zh);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw refused("图片尺寸过大（超过 6000 万像素），请缩小后上传",
							"The image has too many pixels (over 60 million); scale it down");
				}
				if (reader.read(0) == null) {
					throw damaged(zh);
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw damaged(zh);
		}
	}

	private static InvalidInputException damaged(String kind) {
		return refused(kind + " 图片已损坏，无法打开", "The " + kind + " image is damaged and cannot be opened");
	}

	static InvalidInputException refused(String zh, String en) {
		return new InvalidInputException("file", zh, en);
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}
}
