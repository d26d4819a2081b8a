package org.zhengpaopao.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;

/**
 * An issued certificate as the document module keeps it: checked by its content, stored with its SHA-256, handed out
 * only as a copy stamped on every page and recorded, and deleted 180 days after its run ended while its record stays.
 * Each test has owners of its own; the application's clock is the engine's, set and moved by the tests.
 */
@IntegrationTest
class DocumentsTests {

	static final Instant MONDAY = LocalDateTime.parse("2026-12-07T10:00").atZone(CountyTime.ZONE).toInstant();
	static final String STAMP = "仅供县人力资源和社会保障局办理最低生活保障申请使用 2026-12-07";

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DocumentContentStore contents;

	@BeforeEach
	void setClock() {
		at(MONDAY);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldStoreAPdfWithItsKindSizeAndSha256() throws Exception {
		String run = owner();
		byte[] pdf = TestFiles.pdf(2);

		StoredDocument stored = documents.store(run, "  困难家庭证明.pdf ", pdf, "clerk-huzhen-1");

		assertThat(stored.kind()).isEqualTo(DocumentKind.PDF);
		assertThat(stored.kind().mediaType()).isEqualTo("application/pdf");
		assertThat(stored.size()).isEqualTo(pdf.length);
		assertThat(stored.sha256()).isEqualTo(sha256(pdf)).hasSize(64);
		assertThat(stored.filename()).isEqualTo("困难家庭证明.pdf");
		assertThat(stored.storedBy()).isEqualTo("clerk-huzhen-1");
		assertThat(stored.storedAt()).isEqualTo(MONDAY);
		assertThat(stored.deleteAfter()).isNull();
		assertThat(stored.deletedAt()).isNull();
		assertThat(documents.find(stored.id())).contains(stored);
		assertThat(documents.ofOwner(run)).containsExactly(stored);
	}

	@Test
	void shouldTellJpegAndPngByTheirContentNotTheirName() throws Exception {
		String run = owner();
		byte[] jpeg = TestFiles.image("jpeg");
		byte[] png = TestFiles.image("png");

		StoredDocument photo = documents.store(run, "C:\\fakepath\\扫描件.pdf", jpeg, "clerk-huzhen-1");
		StoredDocument screenshot = documents.store(run, "证明\u0000\u202e.png", png, "clerk-huzhen-1");

		assertThat(photo.kind()).isEqualTo(DocumentKind.JPEG);
		assertThat(photo.kind().label()).isEqualTo("JPEG 图片");
		assertThat(photo.filename()).isEqualTo("扫描件.pdf");
		assertThat(photo.sha256()).isEqualTo(sha256(jpeg));
		assertThat(screenshot.kind()).isEqualTo(DocumentKind.PNG);
		assertThat(screenshot.size()).isEqualTo(png.length);
		assertThat(screenshot.filename()).isEqualTo("证明.png");
		assertThat(documents.ofOwner(run)).extracting(StoredDocument::id).containsExactly(photo.id(), screenshot.id());
	}

	@Test
	void shouldKeepADocumentOfNearlyTenMegabytesByteForByte() throws Exception {
		String run = owner();
		byte[] scan = noise(1800, 1800);
		assertThat(scan.length).isBetween(9_000_000, 10 * 1024 * 1024);

		StoredDocument stored = documents.store(run, "扫描件.png", scan, "clerk-huzhen-1");

		assertThat(stored.size()).isEqualTo(scan.length);
		assertThat(contents.get(stored.id())).hasValueSatisfying(content -> assertThat(content).isEqualTo(scan));
	}

	@Test
	void shouldRefuseAnExecutableWhateverItsName() {
		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';

		assertRefused(executable, "x.pdf", "只能上传 PDF、JPEG 或 PNG 文件（按文件内容判断）");
	}

	@Test
	void shouldRefuseAPdfThatDoesNotOpen() {
		byte[] broken = ("%PDF-1.7\n" + "garbage ".repeat(200)).getBytes();

		assertRefused(broken, "证明.pdf", "PDF 文件已损坏");
	}

	@Test
	void shouldRefuseAnImageThatDoesNotDecode() throws Exception {
		byte[] png = TestFiles.image("png");
		byte[] cut = Arrays.copyOf(png, 40);

		assertRefused(cut, "证明.png", "PNG 图片已损坏");
	}

	@Test
	void shouldRefuseAnEmptyFile() {
		assertRefused(new byte[0], "证明.pdf", "文件是空的");
	}

	@Test
	void shouldRefuseAFileOverTenMegabytes() throws Exception {
		byte[] pdf = TestFiles.pdf(1);
		byte[] large = Arrays.copyOf(pdf, 11 * 1024 * 1024);

		assertRefused(large, "证明.pdf", "文件不能超过 10 MB");
	}

	@Test
	void shouldStampEveryPageOfAPdf() throws Exception {
		String run = owner();
		StoredDocument stored = documents.store(run, "证明.pdf", TestFiles.pdf(3), "clerk-huzhen-1");

		byte[] copy = documents.stampedCopy(stored.id(), STAMP, "window-minzheng-1");

		try (PDDocument stamped = Loader.loadPDF(copy)) {
			assertThat(stamped.getNumberOfPages()).isEqualTo(3);
			for (int page = 1; page <= 3; page++) {
				assertThat(text(stamped, page)).as("page %d", page).contains(STAMP);
				assertThat(text(stamped, page).replaceAll("\\s", "")).as("page %d", page).contains("Page" + page);
				assertThat(stampTop(stamped, page)).as("page %d: the stamp's distance from the top as shown", page)
					.isBetween(5f, 40f);
			}
		}
	}

	@Test
	void shouldStampAnImageWrappedIntoAnA4Page() throws Exception {
		String run = owner();
		StoredDocument stored = documents.store(run, "证明.jpg", TestFiles.image("jpeg"), "clerk-huzhen-1");

		byte[] copy = documents.stampedCopy(stored.id(), STAMP, "window-minzheng-1");

		try (PDDocument stamped = Loader.loadPDF(copy)) {
			assertThat(stamped.getNumberOfPages()).isEqualTo(1);
			PDPage page = stamped.getPage(0);
			assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
			assertThat(page.getResources().getXObjectNames())
				.anySatisfy(name -> assertThat(page.getResources().getXObject(name)).isInstanceOf(PDImageXObject.class));
			assertThat(text(stamped, 1)).contains(STAMP);
		}
	}

	@Test
	void shouldRecordEveryCopyHandedOut() throws Exception {
		String run = owner();
		StoredDocument stored = documents.store(run, "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-1");

		documents.stampedCopy(stored.id(), STAMP, "window-minzheng-1");
		at(MONDAY.plus(Duration.ofHours(2)));
		documents.stampedCopy(stored.id(), "仅供县民政局核对使用", "manager-1");

		assertThat(documents.downloads(run)).containsExactly(
				new Download(stored.id(), run, "window-minzheng-1", MONDAY, STAMP),
				new Download(stored.id(), run, "manager-1", MONDAY.plus(Duration.ofHours(2)), "仅供县民政局核对使用"));
	}

	@Test
	void shouldDeleteTheContentOneHundredAndEightyDaysAfterTheRunEndedAndKeepTheRecord() throws Exception {
		String ended = owner();
		String endedLater = owner();
		String running = owner();
		StoredDocument old = documents.store(ended, "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-1");
		StoredDocument recent = documents.store(endedLater, "证明.png", TestFiles.image("png"), "clerk-huzhen-1");
		StoredDocument open = documents.store(running, "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-1");
		documents.stampedCopy(old.id(), STAMP, "window-minzheng-1");
		documents.ownerEnded(ended, MONDAY);
		documents.ownerEnded(endedLater, MONDAY.plus(Duration.ofDays(10)));
		assertThat(documents.find(old.id()).orElseThrow().deleteAfter()).isEqualTo(MONDAY.plus(Duration.ofDays(180)));

		at(MONDAY.plus(Duration.ofDays(180)).minusSeconds(1));
		documents.deleteExpired();
		assertThat(documents.find(old.id()).orElseThrow().deletedAt()).as("a second early").isNull();

		Instant later = MONDAY.plus(Duration.ofDays(181));
		at(later);
		assertThat(documents.deleteExpired()).isPositive();

		StoredDocument deleted = documents.find(old.id()).orElseThrow();
		assertThat(deleted.deletedAt()).isEqualTo(later);
		assertThat(deleted.deletionNote()).isEqualTo("已超过保存期限（办结后 180 天），文件已删除");
		assertThat(deleted.sha256()).isEqualTo(old.sha256());
		assertThat(contentRows(old.id())).isZero();
		assertThat(catchThrowable(() -> documents.stampedCopy(old.id(), STAMP, "window-minzheng-1")))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("该文件已超过保存期限并已删除");
		assertThat(documents.downloads(ended)).hasSize(1);
		assertThat(documents.deleteExpired()).as("nothing deleted twice").isZero();

		assertThat(documents.find(recent.id()).orElseThrow().deletedAt()).as("ended ten days later").isNull();
		assertThat(documents.stampedCopy(recent.id(), STAMP, "window-minzheng-1")).isNotEmpty();
		assertThat(documents.find(open.id()).orElseThrow().deleteAfter()).as("its run has not ended").isNull();
		assertThat(contentRows(open.id())).isOne();
	}

	@Test
	void shouldDeleteADocumentStoredAfterItsRunEndedWithTheOthers() throws Exception {
		String run = owner();
		documents.store(run, "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-1");
		documents.ownerEnded(run, MONDAY);

		StoredDocument late = documents.store(run, "补充.pdf", TestFiles.pdf(1), "clerk-huzhen-1");

		assertThat(late.deleteAfter()).isEqualTo(MONDAY.plus(Duration.ofDays(180)));
	}

	private void assertRefused(byte[] content, String filename, String message) {
		String run = owner();
		Throwable refusal = catchThrowable(() -> documents.store(run, filename, content, "clerk-huzhen-1"));
		assertThat(refusal).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
		assertThat(((InvalidInputException) refusal).field()).isEqualTo("file");
		assertThat(documents.ofOwner(run)).isEmpty();
	}

	private long contentRows(long id) {
		return jdbc.sql("select count(*) from zpp_document_content where document_id = :id").param("id", id)
			.query(Long.class)
			.single();
	}

	static void at(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	static String owner() {
		return "TEST-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String text(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	/** Where the stamp's first character is, counted from the top of the page as a viewer shows it (rotated). */
	static float stampTop(PDDocument document, int page) throws IOException {
		float[] top = { -1 };
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions)
					throws IOException {
				for (var position : positions) {
					if (position.getUnicode().equals(STAMP.substring(0, 1)) && top[0] < 0) {
						top[0] = position.getYDirAdj();
					}
				}
				super.writeString(text, positions);
			}
		};
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		stripper.getText(document);
		return top[0];
	}

	/** A PNG of random pixels: it hardly compresses, so it is as large as a scan. */
	static byte[] noise(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(22);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}
}
