package org.zhengpaopao;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/** Certificates as an issuing clerk uploads them: scanned PDFs and photos. */
public final class TestFiles {

	private TestFiles() {
	}

	/**
	 * A PDF of {@code pages} A4 pages saying "Page n"; the second and third are shown turned, as scans often are, and
	 * every page leaves its graphics state changed, which a stamp must not inherit.
	 */
	public static byte[] pdf(int pages) {
		try (PDDocument document = new PDDocument()) {
			for (int n = 1; n <= pages; n++) {
				PDPage page = new PDPage(PDRectangle.A4);
				page.setRotation(n == 2 ? 90 : n == 3 ? 270 : 0);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.transform(new Matrix(0.5f, 0, 0, 0.5f, 100, 100));
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
					content.newLineAtOffset(72, 700);
					content.showText("Page " + n);
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A landscape photo-like image in {@code format} ("png", "jpeg"). */
	public static byte[] image(String format) {
		BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 300, 200);
		g.setColor(Color.BLUE);
		g.fillOval(50, 50, 100, 100);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
