package org.zhengpaopao.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * What the public catalog page calls, without login: the published catalog, found by name or pinyin. Public data,
 * so no attempt is counted (docs/adr/0036-public-catalog.md).
 */
@RestController
class PublicCatalogController {

	private final PublicCatalog catalog;

	PublicCatalogController(PublicCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/public/api/catalog/matters")
	@Operation(summary = "公开的证明清单 / The published catalog: matters and what became of each certificate they used to require",
			description = "Only entries in force (published); no staff, reasons of staff, versions or batches. At most "
					+ PublicCatalog.LIMIT + " matters (total tells how many match). " + CatalogController.SEARCH)
	PublicCatalog.Found matters(@RequestParam(required = false) @Parameter(description = CatalogController.Q) String q) {
		return catalog.matters(q);
	}
}
