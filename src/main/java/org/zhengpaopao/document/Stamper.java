package org.zhengpaopao.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a purpose line in red across the top of every page, upright as the page is shown (its rotation and crop box
 * respected), and wraps a photo into an A4 page first.
 * <p>
 * The text is Chinese. The standard 14 fonts have no Chinese glyphs and a server need not have a CJK font file, so the
 * stamp uses one of the CJK fonts every PDF viewer supplies itself: {@code STSong-Light}, not embedded, as a Type 0
 * font with the predefined {@code UniGB-UCS2-H} CMap (Adobe-GB1), whose character codes are the text's UCS-2 code
 * units. The page's own content is wrapped in {@code q … Q}, so whatever graphics state it leaves does not move or
 * colour the stamp.
 */
final class Stamper {

	/** Points: the stamp's size, where its baseline sits below the top edge, and the side margins. */
	static final float FONT_SIZE = 9.5f;
	static final float BASELINE_FROM_TOP = 20f;
	static final float SIDE_MARGIN = 24f;

	private static final String FONT_RESOURCE = "ZppStamp";

	private Stamper() {
	}

	static byte[] stampedPdf(byte[] pdf, String stamp) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			if (document.isEncrypted()) {
				// opened without a password (owner restrictions only): the stamped copy is written without them
				document.setAllSecurityToBeRemoved(true);
			}
			stamp(document, stamp);
			return save(document);
		}
	}

	/** The image on an A4 page (landscape for a landscape image), scaled to fit the margins, then stamped. */
	static byte[] stampedImage(byte[] image, String name, String stamp) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDImageXObject picture = PDImageXObject.createFromByteArray(document, image, name);
			boolean landscape = picture.getWidth() > picture.getHeight();
			PDRectangle a4 = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
					: PDRectangle.A4;
			PDPage page = new PDPage(a4);
			document.addPage(page);
			float top = BASELINE_FROM_TOP + 16f;
			float side = 36f;
			float width = a4.getWidth() - 2 * side;
			float height = a4.getHeight() - top - side;
			float scale = Math.min(width / picture.getWidth(), height / picture.getHeight());
			float w = picture.getWidth() * scale;
			float h = picture.getHeight() * scale;
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(picture, (a4.getWidth() - w) / 2, side + (height - h) / 2, w, h);
			}
			stamp(document, stamp);
			return save(document);
		}
	}

	static void stamp(PDDocument document, String stamp) throws IOException {
		COSDictionary font = font();
		String hex = hex(stamp);
		float units = units(stamp);
		for (PDPage page : document.getPages()) {
			stampPage(document, page, font, hex, units);
		}
	}

	private static void stampPage(PDDocument document, PDPage page, COSDictionary font, String hex, float units)
			throws IOException {
		COSName fontName = addFont(page, font);
		PDRectangle box = page.getCropBox();
		int rotation = ((page.getRotation() % 360) + 360) % 360;
		boolean sideways = rotation == 90 || rotation == 270;
		float shownWidth = sideways ? box.getHeight() : box.getWidth();
		float shownHeight = sideways ? box.getWidth() : box.getHeight();
		float size = Math.min(FONT_SIZE, (shownWidth - 2 * SIDE_MARGIN) * 1000f / units);
		float textWidth = units * size / 1000f;
		// where the text starts, in the page as shown: centred, near the top
		float dx = Math.max(SIDE_MARGIN / 2, (shownWidth - textWidth) / 2);
		float dy = shownHeight - BASELINE_FROM_TOP;
		float[] m = switch (rotation) {
			case 90 -> new float[] { 0, 1, -1, 0, box.getUpperRightX() - dy, box.getLowerLeftY() + dx };
			case 180 -> new float[] { -1, 0, 0, -1, box.getUpperRightX() - dx, box.getUpperRightY() - dy };
			case 270 -> new float[] { 0, -1, 1, 0, box.getLowerLeftX() + dy, box.getUpperRightY() - dx };
			default -> new float[] { 1, 0, 0, 1, box.getLowerLeftX() + dx, box.getLowerLeftY() + dy };
		};
		String operators = "Q\nq\n1 0 0 rg\nBT\n/" + fontName.getName() + " " + number(size) + " Tf\n"
				+ number(m[0]) + " " + number(m[1]) + " " + number(m[2]) + " " + number(m[3]) + " " + number(m[4]) + " "
				+ number(m[5]) + " Tm\n<" + hex + "> Tj\nET\nQ\n";
		List<PDStream> streams = new ArrayList<>();
		streams.add(stream(document, "q\n"));
		page.getContentStreams().forEachRemaining(streams::add);
		streams.add(stream(document, operators));
		page.setContents(streams);
	}

	private static COSName addFont(PDPage page, COSDictionary font) {
		PDResources resources = page.getResources();
		if (resources == null) {
			resources = new PDResources();
		}
		COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
		if (fonts == null) {
			fonts = new COSDictionary();
			resources.getCOSObject().setItem(COSName.FONT, fonts);
		}
		COSName name = COSName.getPDFName(FONT_RESOURCE);
		for (int i = 1; fonts.containsKey(name) && fonts.getDictionaryObject(name) != font; i++) {
			name = COSName.getPDFName(FONT_RESOURCE + i);
		}
		fonts.setItem(name, font);
		page.setResources(resources);
		return name;
	}

	/** STSong-Light with UniGB-UCS2-H: a font every PDF viewer knows, not embedded (ISO 32000-1, 9.7.5.2). */
	static COSDictionary font() {
		COSDictionary descriptor = new COSDictionary();
		descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
		descriptor.setName(COSName.FONT_NAME, "STSong-Light");
		descriptor.setInt(COSName.FLAGS, 6); // symbolic, serif
		descriptor.setItem(COSName.FONT_BBOX, integers(-134, -254, 1001, 905));
		descriptor.setInt(COSName.ITALIC_ANGLE, 0);
		descriptor.setInt(COSName.ASCENT, 905);
		descriptor.setInt(COSName.DESCENT, -254);
		descriptor.setInt(COSName.CAP_HEIGHT, 626);
		descriptor.setInt(COSName.XHEIGHT, 416);
		descriptor.setInt(COSName.STEM_V, 48);

		COSDictionary systemInfo = new COSDictionary();
		systemInfo.setItem(COSName.REGISTRY, new COSString("Adobe"));
		systemInfo.setItem(COSName.ORDERING, new COSString("GB1"));
		systemInfo.setInt(COSName.SUPPLEMENT, 4);

		COSDictionary cidFont = new COSDictionary();
		cidFont.setItem(COSName.TYPE, COSName.FONT);
		cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
		cidFont.setName(COSName.BASE_FONT, "STSong-Light");
		cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
		cidFont.setItem(COSName.FONT_DESC, descriptor);
		cidFont.setInt(COSName.DW, 1000);
		// CIDs 1–95 are ASCII, half width; everything else is full width
		cidFont.setItem(COSName.W, integers(1, 95, 500));

		COSArray descendants = new COSArray();
		descendants.add(cidFont);
		COSDictionary type0 = new COSDictionary();
		type0.setItem(COSName.TYPE, COSName.FONT);
		type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
		type0.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
		type0.setName(COSName.ENCODING, "UniGB-UCS2-H");
		type0.setItem(COSName.DESCENDANT_FONTS, descendants);
		return type0;
	}

	/** The text as UniGB-UCS2-H codes: UCS-2 big-endian, two bytes a character; none beyond the BMP. */
	static String hex(String text) {
		StringBuilder hex = new StringBuilder(text.length() * 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			hex.append(String.format(Locale.ROOT, "%04X", (int) (Character.isSurrogate(c) ? '?' : c)));
		}
		return hex.toString();
	}

	/** The text's width in thousandths of the font size (see the widths in {@link #font()}). */
	static float units(String text) {
		float units = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			units += c >= 0x20 && c <= 0x7e ? 500 : 1000;
		}
		return Math.max(units, 1);
	}

	private static COSArray integers(int... values) {
		COSArray array = new COSArray();
		for (int value : values) {
			array.add(COSInteger.get(value));
		}
		return array;
	}

	private static String number(float value) {
		String number = String.format(Locale.ROOT, "%.3f", value);
		return "-0.000".equals(number) ? "0" : number;
	}

	private static PDStream stream(PDDocument document, String operators) throws IOException {
		PDStream stream = new PDStream(document);
		try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
			out.write(operators.getBytes(StandardCharsets.US_ASCII));
		}
		return stream;
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}
}
