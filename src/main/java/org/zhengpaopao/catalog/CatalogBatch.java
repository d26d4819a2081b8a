package org.zhengpaopao.catalog;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 批次: one of the county's published certificate lists. Entries carry its number ({@link CatalogEntry#getBatch()}):
 * 0 = the 2017 clean-up, 1 = March 2018, 2 = September 2018 (seeds/catalog-batches.csv, ADR 0037).
 */
@Entity
@Table(name = "zpp_catalog_batch")
public class CatalogBatch {

	@Id
	@Column(name = "batch_number")
	private Integer number;

	@Column(nullable = false, length = 64)
	private String name;

	@Column(name = "published_on", nullable = false)
	private LocalDate publishedOn;

	protected CatalogBatch() {
	}

	CatalogBatch(int number, String name, LocalDate publishedOn) {
		this.number = number;
		this.name = name;
		this.publishedOn = publishedOn;
	}

	public int getNumber() {
		return number;
	}

	public String getName() {
		return name;
	}

	public LocalDate getPublishedOn() {
		return publishedOn;
	}
}
