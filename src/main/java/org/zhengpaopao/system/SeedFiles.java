package org.zhengpaopao.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Reads the CSV files under {@code zhengpaopao.seeds-location} (the {@code seeds/} folder of the repository,
 * on the classpath by default, or a folder on disk for a county that edits its own).
 */
@Component
public class SeedFiles {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private final ResourceLoader resources;
	private final String location;

	public SeedFiles(ResourceLoader resources, @Value("${zhengpaopao.seeds-location:classpath:seeds/}") String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	public List<CSVRecord> read(String name) {
		var resource = resources.getResource(location + name);
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return FORMAT.parse(reader).getRecords();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read seed file " + location + name, e);
		}
	}
}
